// Stage 5: view → file contents. Templates are compiled once per process and only loop and
// branch over the view; the static runtime is copied as it is. Handlebars is loaded on first
// use (a run answered from .cache never renders), and a RenderMemo (generator/cache/renderCache.ts)
// may give each template's compiled code and each model's files from an earlier run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import type HandlebarsModule from 'handlebars';
import { listFiles } from '../files.ts';
import { modelView } from '../view/buildView.ts';
import type { ModelIR } from '../ir/types.ts';
import type { ApiView, ClientView } from '../view/types.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The OpenAI package's names from before they became neutral (`OpenAIErrorObject`), exported by the index. */
export const DEPRECATED_NAMES_FILE = 'src/deprecatedNames.ts';

/** Relative path (always with `/`) → file content. */
export type FileTree = Map<string, string>;

/**
 * What render may take from earlier runs. Each answer must be what `make` would give: a key
 * names everything `make` reads but the generator itself (a memo holds one generator's answers).
 */
export interface RenderMemo {
  /** A template's compiled code (Handlebars' precompiled form), `key` naming its text and the compiler. */
  templateCode(key: string, make: () => string): string;
  /** The `count` texts of one unit of output (a model's module and doc), `key` naming all they are made from. */
  texts(key: string, count: number, make: () => string[]): string[];
}

type Template = HandlebarsTemplateDelegate;

interface Templates {
  api: Template;
  model: Template;
  apiDoc: Template;
  modelDoc: Template;
  readme: Template;
  packageJson: Template;
  server: Template;
  webhooks: Template;
  webhooksDoc: Template;
  deprecatedNames: Template;
}

const INLINE_PARTIALS = new Set(['requestSpec']);

/**
 * The only helper is `json`; every other mustache is a property of the view, and the compiled
 * code looks it up directly instead of first asking whether it names a helper.
 */
const compileOptions = () => ({ noEscape: true, knownHelpers: { json: true }, knownHelpersOnly: true });
/** Handlebars adds to the options it is given, so each compile gets its own copy. */
const COMPILE_OPTIONS_TEXT = JSON.stringify(compileOptions());

let runtime: typeof HandlebarsModule | undefined;
let compiler: typeof HandlebarsModule | undefined;
/** The compiled templates of a templates folder, and a hash of all their texts. */
interface Compiled {
  dir: string;
  templates: Templates;
  statics: Array<[string, string]>;
  hash: string;
}
let compiled: Compiled | undefined;

/** Handlebars' runtime runs compiled templates; its compiler (three times the loading time) is loaded only to compile one. */
function loadRuntime(): typeof HandlebarsModule {
  runtime ??= createRequire(import.meta.url)('handlebars/runtime') as typeof HandlebarsModule;
  return runtime;
}

function precompile(text: string): string {
  compiler ??= createRequire(import.meta.url)('handlebars') as typeof HandlebarsModule;
  return compiler.precompile(text, compileOptions()) as string;
}

function load(dir: string, memo: RenderMemo | undefined): Compiled {
  if (compiled?.dir === dir) return compiled;
  const Handlebars = loadRuntime();
  const hbs = Handlebars.create();
  // The only helper: JSON string escaping for package.json values.
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value));
  const all = createHash('sha256');
  const compile = (text: string): Template => {
    const key = createHash('sha256').update(`${Handlebars.VERSION}\0${COMPILE_OPTIONS_TEXT}\0${text}`).digest('base64url');
    all.update(key);
    const code = memo ? memo.templateCode(key, () => precompile(text)) : precompile(text);
    // Our own templates' compiled code (never spec text), evaluated as Handlebars.compile itself does.
    return hbs.template(new Function(`return ${code}`)() as TemplateSpecification);
  };
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  for (const file of readdirSync(join(dir, 'partials')).sort()) {
    const name = file.replace(/\.hbs$/, '');
    all.update(`\0${name}\0`);
    // Partials used inside a line must not bring their file's final newline along.
    const text = INLINE_PARTIALS.has(name) ? read(`partials/${file}`).replace(/\n$/, '') : read(`partials/${file}`);
    hbs.registerPartial(name, compile(text));
  }
  const template = (name: string) => compile(read(name));
  const templates: Templates = {
    api: template('api.ts.hbs'),
    model: template('model.ts.hbs'),
    apiDoc: template('docs/api.md.hbs'),
    modelDoc: template('docs/model.md.hbs'),
    readme: template('README.md.hbs'),
    packageJson: template('package.json.hbs'),
    server: template('server.ts.hbs'),
    webhooks: template('webhooks.ts.hbs'),
    webhooksDoc: template('docs/Webhooks.md.hbs'),
    deprecatedNames: template('deprecatedNames.ts.hbs'),
  };
  const staticRoot = join(dir, 'static');
  const statics = listFiles(staticRoot)
    .map((file) => [relative(staticRoot, file).split(sep).join('/'), readFileSync(file, 'utf8')] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  compiled = { dir, templates, statics, hash: all.digest('base64url') };
  return compiled;
}

/** Makes the next render read the templates again (watch mode, after a template changed). */
export function forgetCompiledTemplates(): void {
  compiled = undefined;
}

/** Told of each file as soon as it is rendered (a static file replaced later is told again; the tree is complete only when render returns). */
export type RenderedFileListener = (path: string, text: string) => void;

/** What every page of the docs shows of the client, and so what each model's and API's files are made from besides their own node. */
export interface DocsContext {
  moduleName: string;
  packageName: string;
  basePath: string;
}

export interface RenderOptions {
  /** What earlier runs rendered (see RenderMemo). */
  memo?: RenderMemo | undefined;
  /** For tests; watch mode reads the templates again after forgetCompiledTemplates. */
  templatesDir?: string | undefined;
  /** Hears of each file as it comes. */
  onFile?: RenderedFileListener | undefined;
  /** The models' files, rendered already by renderModels (with the same memo and listener). */
  models?: FileTree | undefined;
  /** The API classes' files, rendered already by renderApi (with the same memo and listener). */
  apis?: FileTree | undefined;
}

type UnitOptions = Omit<RenderOptions, 'models' | 'apis'>;

/**
 * The models' files (module and doc of each). They need only their IR node and the docs context,
 * so they can be rendered before the view is built: a parse worker then has them early.
 */
export function renderModels(models: readonly ModelIR[], docs: DocsContext, options: UnitOptions = {}): FileTree {
  const { templates: t, hash: templatesHash } = load(options.templatesDir ?? TEMPLATES_DIR, options.memo);
  const tree: FileTree = new Map();
  const files = listenedTree(tree, options.onFile);
  const shared = sharedOf(docs);
  for (const ir of models) {
    // A model's files read the templates, its IR node and `shared` alone (modelView is a function of the node).
    const make = () => {
      const model = modelView(ir);
      return [t.model(model), t.modelDoc({ ...shared, model })];
    };
    const [code = '', doc = ''] = options.memo ? options.memo.texts(keyOf([templatesHash, ir, shared]), 2, make) : make();
    files.set(`src/models/${ir.name}.ts`, code);
    files.set(`docs/${ir.name}.md`, doc);
  }
  return tree;
}

/** One API class's files (module and doc), added to `tree`: they need only its view and the docs context, so each is rendered as soon as its view is built. */
export function renderApi(api: ApiView, docs: DocsContext, tree: FileTree, options: UnitOptions = {}): void {
  const { templates: t, hash: templatesHash } = load(options.templatesDir ?? TEMPLATES_DIR, options.memo);
  const files = listenedTree(tree, options.onFile);
  const shared = sharedOf(docs);
  // An API's files read the templates, its view node and `shared` alone.
  const make = () => [t.api(api), t.apiDoc({ ...shared, api })];
  const [code = '', doc = ''] = options.memo ? options.memo.texts(keyOf([templatesHash, api, shared]), 2, make) : make();
  files.set(`src/apis/${api.className}.ts`, code);
  files.set(`docs/${api.className}.md`, doc);
}

/** The part of every unit's key and doc page that is the client's (its own object: the key is its JSON). */
function sharedOf(docs: DocsContext): DocsContext {
  return { moduleName: docs.moduleName, packageName: docs.packageName, basePath: docs.basePath };
}

/** The client's files. */
export function render(view: ClientView, options: RenderOptions = {}): FileTree {
  const { templates: t, statics } = load(options.templatesDir ?? TEMPLATES_DIR, options.memo);
  const tree: FileTree = new Map();
  const files = listenedTree(tree, options.onFile);
  for (const [path, text] of statics) files.set(path, text);
  const shared = sharedOf(view);
  let apis = options.apis;
  if (!apis) {
    apis = new Map();
    for (const api of view.apis) renderApi(api, shared, apis, options);
  }
  for (const [path, text] of apis) tree.set(path, text);
  const models = options.models ?? renderModels(view.models.map((m) => m.ir), shared, options);
  for (const [path, text] of models) tree.set(path, text);
  if (view.webhooks) {
    files.set('src/webhooks.ts', t.webhooks(view.webhooks));
    files.set('docs/Webhooks.md', t.webhooksDoc({ ...shared, webhooks: view.webhooks }));
  }
  files.set('src/runtime/server.ts', t.server(view)); // replaces the static default
  if (view.openaiConventions) files.set(DEPRECATED_NAMES_FILE, t.deprecatedNames(view));
  files.set('README.md', t.readme(view));
  files.set('package.json', t.packageJson(view));
  return tree;
}

/** Sets files in `tree`, flattened, and tells `onFile`. */
function listenedTree(tree: FileTree, onFile: RenderedFileListener | undefined): { set(path: string, text: string): void } {
  return {
    set(path, text) {
      flatten(text);
      tree.set(path, text);
      onFile?.(path, text);
    },
  };
}

/**
 * Makes V8 store `text` as one flat string. Handlebars builds a file by appending, so each
 * rendered file is a rope of pieces: on Microsoft Graph v1.0, 5.3 million of them, 161 MB of
 * heap for texts whose characters weigh far less, kept until the write. Converting a string to a
 * number flattens it in place (the pieces become garbage); its value is not used.
 */
function flatten(text: string): void {
  Number(text);
}

/** A `null` outside a string, as JSON prints null, undefined in arrays, NaN and the infinities (or text that looks so). */
const MAYBE_BLURRED = /(?:^|[:,[])null\b/;

/**
 * A hash of plain data (a view or IR node): its JSON, unless the JSON holds a `null` that might
 * stand for NaN or an infinity (rare: a handful of the OpenAI spec's 2,000 units); then v8's
 * structured serialization, exact but slower (and it tells a string's internal form apart, so
 * at worst a unit renders again). The two forms are tagged apart.
 */
export function keyOf(value: unknown): string {
  const json = JSON.stringify(value);
  const hash = createHash('sha256');
  if (MAYBE_BLURRED.test(json)) hash.update('v8\0').update(serialize(value));
  else hash.update('json\0').update(json);
  return hash.digest('base64url');
}
