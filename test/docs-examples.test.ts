// Every TypeScript example in the generated README and docs is type-checked against the
// generated client: docs that drift from the code fail here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildClient, DEFAULT_SPEC } from '../generator/pipeline.ts';
import { writeTreeAtomically } from '../generator/write/writeTree.ts';
import { tempDir, TSC } from './helpers.ts';

/** Compilable units: a block with imports starts one; a block without joins the one before it. */
function examplesBySection(markdown: string): string[] {
  const units: string[] = [];
  for (const section of markdown.split(/^## /m)) {
    let current: string | undefined;
    for (const [, code] of section.matchAll(/```ts\n([\s\S]*?)```/g)) {
      if (current === undefined || /^import /m.test(code!)) {
        if (current !== undefined) units.push(current);
        current = code!;
      } else current += '\n' + code;
    }
    if (current !== undefined) units.push(current);
  }
  return units;
}

// OpenAI's spec, and ones that are not OpenAI's (other classes, schemes and media types): the
// README must not show code from one API in the package of another.
// The webhooks fixtures: docs/Webhooks.md's handler examples (one of them for a hostile event name).
const SPECS = [DEFAULT_SPEC, join(import.meta.dirname, 'fixtures/wire/params-media.yaml'), join(import.meta.dirname, 'fixtures/webhooks/webhooks-31.yaml'), join(import.meta.dirname, 'fixtures/webhooks/callbacks-30.yaml')];

it.each(SPECS)('every example in README.md and docs/*.md compiles against the client of %s', { timeout: 120_000 }, async (spec) => {
  const built = buildClient(spec);
  const root = tempDir('docs');
  await writeTreeAtomically(built.files, join(root, 'client'));
  const examples = join(root, 'examples');
  mkdirSync(examples);
  let count = 0;
  for (const [path, text] of built.files) {
    if (!path.endsWith('.md') || path === 'api-report.md') continue;
    examplesBySection(text).forEach((code, i) => {
      const module = code.replace(new RegExp(`from '${built.ir.packageName}'`, 'g'), "from '../client/src/index.js'");
      const name = `${path.replace(/[^A-Za-z0-9]/g, '_')}_${i}.ts`;
      // The variables the examples read, typed as @types/node types them: string | undefined.
      const env = [...new Set([...module.matchAll(/process\.env\.(\w+)/g)].map((m) => `${m[1]}: string | undefined`))].join('; ');
      writeFileSync(join(examples, name), `declare const process: { env: { ${env} }; stdout: { write(s: string): void } };\n${module}\nexport {};\n`);
      count++;
    });
  }
  expect(count).toBeGreaterThan(spec === DEFAULT_SPEC ? built.ir.models.length : 0);
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n'); // top-level await in examples
  // The package's own settings, the strictest it promises (exactOptionalPropertyTypes, noUncheckedIndexedAccess...).
  const packageOptions = (JSON.parse(built.files.get('tsconfig.json')!) as { compilerOptions: Record<string, unknown> }).compilerOptions;
  const { rootDir: _rootDir, outDir: _outDir, declaration: _declaration, declarationMap: _declarationMap, sourceMap: _sourceMap, ...strictest } = packageOptions;
  expect(strictest).toMatchObject({ strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true });
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...strictest, noEmit: true }, include: ['examples'] }),
  );
  const tsc = spawnSync(TSC, ['-p', join(root, 'tsconfig.json')], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
});
