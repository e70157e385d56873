// Stage 5: view → file contents. Templates are compiled once per process and only loop and
// branch over the view; the static runtime is copied as it is.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { listFiles } from '../files.ts';
import type { ClientView } from '../view/types.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The OpenAI package's names from before they became neutral (`OpenAIErrorObject`), exported by the index. */
export const DEPRECATED_NAMES_FILE = 'src/deprecatedNames.ts';

/** Relative path (always with `/`) → file content. */
export type FileTree = Map<string, string>;

interface Templates {
  api: HandlebarsTemplateDelegate;
  model: HandlebarsTemplateDelegate;
  apiDoc: HandlebarsTemplateDelegate;
  modelDoc: HandlebarsTemplateDelegate;
  readme: HandlebarsTemplateDelegate;
  packageJson: HandlebarsTemplateDelegate;
  server: HandlebarsTemplateDelegate;
  webhooks: HandlebarsTemplateDelegate;
  webhooksDoc: HandlebarsTemplateDelegate;
  deprecatedNames: HandlebarsTemplateDelegate;
}

const INLINE_PARTIALS = new Set(['requestSpec']);

let compiled: { templates: Templates; statics: Array<[string, string]> } | undefined;

function load(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const hbs = Handlebars.create();
  // The only helper: JSON string escaping for package.json values.
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value));
  const read = (name: string) => readFileSync(join(TEMPLATES_DIR, name), 'utf8');
  for (const file of readdirSync(join(TEMPLATES_DIR, 'partials'))) {
    const name = file.replace(/\.hbs$/, '');
    // Partials used inside a line must not bring their file's final newline along.
    const text = INLINE_PARTIALS.has(name) ? read(`partials/${file}`).replace(/\n$/, '') : read(`partials/${file}`);
    hbs.registerPartial(name, hbs.compile(text, { noEscape: true }));
  }
  const compile = (name: string) => hbs.compile(read(name), { noEscape: true });
  const templates: Templates = {
    api: compile('api.ts.hbs'),
    model: compile('model.ts.hbs'),
    apiDoc: compile('docs/api.md.hbs'),
    modelDoc: compile('docs/model.md.hbs'),
    readme: compile('README.md.hbs'),
    packageJson: compile('package.json.hbs'),
    server: compile('server.ts.hbs'),
    webhooks: compile('webhooks.ts.hbs'),
    webhooksDoc: compile('docs/Webhooks.md.hbs'),
    deprecatedNames: compile('deprecatedNames.ts.hbs'),
  };
  const staticRoot = join(TEMPLATES_DIR, 'static');
  const statics = listFiles(staticRoot)
    .map((file) => [relative(staticRoot, file).split(sep).join('/'), readFileSync(file, 'utf8')] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  compiled = { templates, statics };
  return compiled;
}

/** Makes the next render read the templates again (watch mode, after a template changed). */
export function forgetCompiledTemplates(): void {
  compiled = undefined;
}


export function render(view: ClientView): FileTree {
  const { templates: t, statics } = load();
  const files: FileTree = new Map(statics);
  const shared = { moduleName: view.moduleName, packageName: view.packageName, basePath: view.basePath };
  for (const api of view.apis) {
    files.set(`src/apis/${api.className}.ts`, t.api(api));
    files.set(`docs/${api.className}.md`, t.apiDoc({ ...shared, api }));
  }
  for (const model of view.models) {
    files.set(`src/models/${model.name}.ts`, t.model(model));
    files.set(`docs/${model.name}.md`, t.modelDoc({ ...shared, model }));
  }
  if (view.webhooks) {
    files.set('src/webhooks.ts', t.webhooks(view.webhooks));
    files.set('docs/Webhooks.md', t.webhooksDoc({ ...shared, webhooks: view.webhooks }));
  }
  files.set('src/runtime/server.ts', t.server(view)); // replaces the static default
  if (view.openaiConventions) files.set(DEPRECATED_NAMES_FILE, t.deprecatedNames(view));
  files.set('README.md', t.readme(view));
  files.set('package.json', t.packageJson(view));
  return files;
}
