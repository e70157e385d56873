// The committed package in generated/ as a consumer would get it: it type-checks
// under --strict, its build script produces ESM + CJS + declarations, Node
// resolves both builds through the `exports` map, and `npm pack` ships only
// the built output, the sources its maps point to, docs, README, LICENSE and package.json.
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles } from '../../generator/files.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GENERATED_DIR,
  ROOT_NODE_MODULES,
  TSC,
  copyGenerated,
  makeTempDir,
  removeDir,
  run,
  runOk,
} from './helpers.js';

interface PackageJson {
  name: string;
  type?: string;
  main?: string;
  types?: string;
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
  exports?: Record<string, unknown>;
}

const pkgJson = JSON.parse(readFileSync(join(GENERATED_DIR, 'package.json'), 'utf8')) as PackageJson;

/** Every file below dir, as forward-slash paths relative to it. */
function walk(dir: string): string[] {
  return listFiles(dir)
    .map((file) => relative(dir, file).split(sep).join('/'))
    .sort();
}

/** Masks comments and string literals so regexes see only code. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length))
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}

const ANY_TYPE = /: any\b|<any>|any\[\]|as any/;

let pkgDir: string;
let consumerDir: string;
let buildError: Error | undefined;

beforeAll(() => {
  pkgDir = makeTempDir('gen-pkg-');
  copyGenerated(pkgDir);
  symlinkSync(ROOT_NODE_MODULES, join(pkgDir, 'node_modules'), 'dir');
  try {
    // The package's own build script, step by step, with the repo's tsc.
    expect(pkgJson.scripts?.build).toBe('tsc -p tsconfig.json && tsc -p tsconfig.cjs.json && node scripts/mark-cjs.mjs');
    runOk(TSC, ['-p', join(pkgDir, 'tsconfig.json')], pkgDir);
    runOk(TSC, ['-p', join(pkgDir, 'tsconfig.cjs.json')], pkgDir);
    runOk(process.execPath, ['scripts/mark-cjs.mjs'], pkgDir);
  } catch (error) {
    buildError = error as Error;
  }
  consumerDir = makeTempDir('gen-consumer-');
  mkdirSync(join(consumerDir, 'node_modules'));
  symlinkSync(pkgDir, join(consumerDir, 'node_modules', pkgJson.name), 'dir');
});

afterAll(() => {
  removeDir(consumerDir);
  removeDir(pkgDir);
});

function assertBuilt(): void {
  if (buildError) throw buildError;
}

describe('generated package', () => {
  it('copies generated/ without node_modules or dist', () => {
    expect(existsSync(join(pkgDir, 'src', 'index.ts'))).toBe(true);
    expect(existsSync(join(pkgDir, 'tsconfig.json'))).toBe(true);
    expect(existsSync(join(pkgDir, 'tsconfig.cjs.json'))).toBe(true);
    expect(existsSync(join(pkgDir, 'scripts', 'mark-cjs.mjs'))).toBe(true);
  });

  it('(a) type-checks with tsc --noEmit --strict and zero errors', () => {
    // A fresh copy so that the build in beforeAll cannot influence the check.
    const dir = makeTempDir('gen-check-');
    try {
      copyGenerated(dir);
      symlinkSync(ROOT_NODE_MODULES, join(dir, 'node_modules'), 'dir');
      const result = run(TSC, ['-p', join(dir, 'tsconfig.json'), '--noEmit', '--strict', '--pretty', 'false'], dir);
      expect(result.stdout + result.stderr).not.toMatch(/error TS\d+/);
      expect(result.status).toBe(0);
      expect(existsSync(join(dir, 'dist'))).toBe(false);
    } finally {
      removeDir(dir);
    }
  });

  it('(b) the build script emits ESM, CJS and declarations', () => {
    assertBuilt();
    for (const file of [
      'dist/esm/index.js',
      'dist/esm/index.d.ts',
      'dist/cjs/index.js',
      'dist/cjs/index.d.ts',
      'dist/cjs/package.json',
    ]) {
      expect(existsSync(join(pkgDir, file)), file).toBe(true);
      expect(statSync(join(pkgDir, file)).size, file).toBeGreaterThan(0);
    }
    expect(JSON.parse(readFileSync(join(pkgDir, 'dist/cjs/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const esm = readFileSync(join(pkgDir, 'dist/esm/index.js'), 'utf8');
    const cjs = readFileSync(join(pkgDir, 'dist/cjs/index.js'), 'utf8');
    expect(esm).toMatch(/^export /m);
    expect(esm).not.toMatch(/\brequire\(/);
    expect(cjs).toMatch(/\brequire\("\.\/apis\/ChatApi\.js"\)/);
    expect(cjs).toMatch(/exports\./);
    expect(cjs).not.toMatch(/^export /m);
    // Every source module is emitted in both formats, with declarations.
    const sources = walk(join(pkgDir, 'src')).filter((f) => f.endsWith('.ts'));
    const esmFiles = new Set(walk(join(pkgDir, 'dist/esm')));
    const cjsFiles = new Set(walk(join(pkgDir, 'dist/cjs')));
    for (const source of sources) {
      const stem = source.replace(/\.ts$/, '');
      for (const ext of ['.js', '.d.ts']) {
        expect(esmFiles.has(stem + ext), `dist/esm/${stem}${ext}`).toBe(true);
        expect(cjsFiles.has(stem + ext), `dist/cjs/${stem}${ext}`).toBe(true);
      }
    }
  });

  it('(c) Node loads both builds through the exports map by bare package name', () => {
    assertBuilt();
    const name = pkgJson.name;
    const names = ['ChatApi', 'FilesApi', 'AudioApi', 'Configuration', 'ApiError', 'RateLimitError'];
    writeFileSync(
      join(consumerDir, 'esm.mjs'),
      `import * as m from ${JSON.stringify(name)};
const dyn = await import(${JSON.stringify(name)});
const api = new m.ChatApi(new m.Configuration({ accessToken: 'x' }));
console.log(JSON.stringify({
  resolved: import.meta.resolve(${JSON.stringify(name)}),
  types: Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, typeof dyn[n]])),
  same: dyn.ChatApi === m.ChatApi,
  isBaseApi: api instanceof m.BaseApi,
  errorChain: new m.RateLimitError('x') instanceof m.ApiError && new m.RateLimitError('x') instanceof Error,
  errorName: new m.RateLimitError('x').name,
}));
`,
    );
    writeFileSync(
      join(consumerDir, 'cjs.cjs'),
      `const m = require(${JSON.stringify(name)});
const resolved = require.resolve(${JSON.stringify(name)});
const api = new m.ChatApi(new m.Configuration({ accessToken: 'x' }));
console.log(JSON.stringify({
  resolved,
  cached: require.cache[resolved] !== undefined,
  types: Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, typeof m[n]])),
  isBaseApi: api instanceof m.BaseApi,
  errorChain: new m.RateLimitError('x') instanceof m.ApiError && new m.RateLimitError('x') instanceof Error,
  errorName: new m.RateLimitError('x').name,
}));
`,
    );
    const expectedTypes = Object.fromEntries(names.map((n) => [n, 'function']));

    const esm = JSON.parse(runOk(process.execPath, ['esm.mjs'], consumerDir).stdout) as Record<string, unknown>;
    expect(esm.types).toEqual(expectedTypes);
    expect(String(esm.resolved)).toMatch(/\/dist\/esm\/index\.js$/);
    expect(esm.same).toBe(true);
    expect(esm.isBaseApi).toBe(true);
    expect(esm.errorChain).toBe(true);
    expect(esm.errorName).toBe('RateLimitError');

    const cjs = JSON.parse(runOk(process.execPath, ['cjs.cjs'], consumerDir).stdout) as Record<string, unknown>;
    expect(cjs.types).toEqual(expectedTypes);
    expect(String(cjs.resolved)).toMatch(/[\\/]dist[\\/]cjs[\\/]index\.js$/);
    expect(cjs.cached).toBe(true);
    expect(cjs.isBaseApi).toBe(true);
    expect(cjs.errorChain).toBe(true);
    expect(cjs.errorName).toBe('RateLimitError');

    // Deep imports are not part of the public surface.
    const deep = run(process.execPath, ['-e', `require(${JSON.stringify(`${name}/dist/cjs/index.js`)})`], consumerDir);
    expect(deep.status).not.toBe(0);
    expect(deep.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });

  it('(c) TypeScript consumers get the declarations of both builds (NodeNext, .mts and .cts)', () => {
    assertBuilt();
    const name = JSON.stringify(pkgJson.name);
    const body = `
const api = new ChatApi(new Configuration({ accessToken: async () => 'token', maxRetries: 0 }));
const request = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] } satisfies CreateChatCompletionRequest;
export async function go(): Promise<string | null | undefined> {
  const completion = await api.createChatCompletion(request);
  return completion.choices[0]?.message.content;
}
export const effort: ReasoningEffort = ReasoningEffort.High;
// @ts-expect-error maxRetries is a number: proves the declarations are typed, not any
new Configuration({ maxRetries: 'three' });
`;
    writeFileSync(
      join(consumerDir, 'esm-consumer.mts'),
      `import { ChatApi, Configuration, ReasoningEffort, type CreateChatCompletionRequest } from ${name};\n${body}`,
    );
    writeFileSync(
      join(consumerDir, 'cjs-consumer.cts'),
      `import { ChatApi, Configuration, ReasoningEffort, type CreateChatCompletionRequest } from ${name};\n${body}`,
    );
    writeFileSync(
      join(consumerDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: ['esm-consumer.mts', 'cjs-consumer.cts'],
      }),
    );
    const result = run(TSC, ['-p', join(consumerDir, 'tsconfig.json'), '--listFiles', '--pretty', 'false'], consumerDir);
    expect(result.stdout + result.stderr).not.toMatch(/error TS\d+/);
    expect(result.status).toBe(0);
    const listed = result.stdout.split('\n').map((l) => l.trim());
    expect(listed.some((f) => f.endsWith('/dist/esm/index.d.ts'))).toBe(true);
    expect(listed.some((f) => f.endsWith('/dist/cjs/index.d.ts'))).toBe(true);
  });

  it('(d) npm pack ships package.json, README, LICENSE, docs, dist and the sources the maps point to', () => {
    assertBuilt();
    const result = runOk('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], pkgDir, {
      npm_config_cache: join(pkgDir, '.npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    });
    const report = JSON.parse(result.stdout) as Array<{ name: string; files: Array<{ path: string }> }>;
    expect(report).toHaveLength(1);
    expect(report[0]?.name).toBe(pkgJson.name);
    const packed = (report[0]?.files ?? []).map((f) => f.path).sort();

    for (const required of ['package.json', 'README.md', 'LICENSE', 'docs/ChatApi.md', 'dist/esm/index.js', 'dist/cjs/index.js', 'src/index.ts']) {
      expect(packed, required).toContain(required);
    }
    for (const file of packed) {
      expect(file.includes('node_modules'), file).toBe(false);
      const allowed =
        ['package.json', 'README.md', 'LICENSE'].includes(file) || /^docs\/[^/]+\.md$/.test(file) || /^dist\/(esm|cjs)\//.test(file) || /^src\/.+\.ts$/.test(file);
      expect(allowed, `unexpected file in the tarball: ${file}`).toBe(true);
    }
    // Exactly the built output, the sources, every doc page, README, LICENSE and package.json.
    const expected = [
      'package.json',
      'README.md',
      'LICENSE',
      ...walk(join(pkgDir, 'src')).map((f) => `src/${f}`),
      ...walk(join(pkgDir, 'docs')).map((f) => `docs/${f}`),
      ...walk(join(pkgDir, 'dist')).map((f) => `dist/${f}`),
    ].sort();
    expect(packed).toEqual(expected);
  });

  it('(e) package.json: zero runtime dependencies, exports map with import/require/types, files, type module', () => {
    expect(pkgJson.dependencies === undefined || Object.keys(pkgJson.dependencies).length === 0).toBe(true);
    expect(pkgJson.dependencies).toBeUndefined();
    expect(pkgJson.peerDependencies).toBeUndefined();
    expect(pkgJson.optionalDependencies).toBeUndefined();
    expect(pkgJson.bundleDependencies ?? pkgJson.bundledDependencies).toBeUndefined();
    expect(pkgJson.type).toBe('module');
    expect(Array.isArray(pkgJson.files)).toBe(true);
    expect(pkgJson.files).toEqual(expect.arrayContaining(['dist', 'src', 'docs', 'README.md', 'LICENSE']));

    const root = (pkgJson.exports as Record<string, unknown> | undefined)?.['.'] as
      | { import?: { types?: string; default?: string }; require?: { types?: string; default?: string } }
      | undefined;
    expect(root).toBeDefined();
    expect(root?.import).toEqual({ types: './dist/esm/index.d.ts', default: './dist/esm/index.js' });
    expect(root?.require).toEqual({ types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' });
    // `types` must come first inside each condition block or TypeScript ignores it.
    expect(Object.keys(root?.import ?? {})[0]).toBe('types');
    expect(Object.keys(root?.require ?? {})[0]).toBe('types');
    expect(pkgJson.main).toBe('./dist/cjs/index.js');
    expect(pkgJson.types).toBe('./dist/esm/index.d.ts');
  });

  it('(e) every path named in package.json exists after the build', () => {
    assertBuilt();
    const paths = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') paths.add(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(pkgJson.exports);
    if (pkgJson.main) paths.add(pkgJson.main);
    if (pkgJson.types) paths.add(pkgJson.types);
    for (const p of paths) expect(existsSync(join(pkgDir, p)), p).toBe(true);
  });

  it('(f) no `any` types in the generated sources', () => {
    const offenders: string[] = [];
    for (const file of walk(join(GENERATED_DIR, 'src'))) {
      const source = readFileSync(join(GENERATED_DIR, 'src', file), 'utf8');
      source.split('\n').forEach((line, i) => {
        if (ANY_TYPE.test(line)) offenders.push(`src/${file}:${i + 1}: ${line.trim()}`);
      });
      // Also without comments/strings, so a doc comment cannot hide or fake one.
      if (ANY_TYPE.test(codeOnly(source)) && !offenders.some((o) => o.startsWith(`src/${file}:`))) {
        offenders.push(`src/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('(f) no `any` in the emitted declarations', () => {
    assertBuilt();
    const offenders: string[] = [];
    for (const build of ['esm', 'cjs']) {
      for (const file of walk(join(pkgDir, 'dist', build)).filter((f) => f.endsWith('.d.ts'))) {
        const source = codeOnly(readFileSync(join(pkgDir, 'dist', build, file), 'utf8'));
        source.split('\n').forEach((line, i) => {
          if (/\bany\b/.test(line)) offenders.push(`dist/${build}/${file}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it('(f) the public surface in api-report.md has no `any`', () => {
    const report = readFileSync(join(GENERATED_DIR, 'api-report.md'), 'utf8');
    expect(report).toMatch(/class ChatApi extends BaseApi/);
    const hits = report.split('\n').filter((line) => /\bany\b/.test(line));
    expect(hits).toEqual([]);
  });

  it('relative links in README.md and docs/*.md point to shipped files', () => {
    const broken: string[] = [];
    const pages = ['README.md', ...walk(join(GENERATED_DIR, 'docs')).map((f) => `docs/${f}`)];
    for (const page of pages) {
      const text = readFileSync(join(GENERATED_DIR, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        const file = target.split('#')[0] as string;
        const resolved = join(GENERATED_DIR, page, '..', file);
        const shipped = relative(GENERATED_DIR, resolved).split(sep).join('/');
        if (!existsSync(resolved) || !(shipped === 'README.md' || shipped.startsWith('docs/'))) broken.push(`${page} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('api-report.md covers every value the package entry point exports', () => {
    assertBuilt();
    const report = readFileSync(join(GENERATED_DIR, 'api-report.md'), 'utf8');
    const script = `const m = require(${JSON.stringify(join(pkgDir, 'dist/cjs/index.js'))}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== '__esModule')));`;
    const exported = JSON.parse(runOk(process.execPath, ['-e', script], pkgDir).stdout) as string[];
    expect(exported).toContain('ChatApi');
    const missing = exported.filter((name) => !new RegExp(`\\b(class|const|function|let|var|enum)\\s+${name}\\b`).test(report));
    expect(missing).toEqual([]);
  });

  it('api-report.md marks static methods as static', () => {
    const report = readFileSync(join(GENERATED_DIR, 'api-report.md'), 'utf8');
    // ApiError.fromResponse and StreamError.fromEventData are static in src/ApiError.ts.
    const source = readFileSync(join(GENERATED_DIR, 'src', 'ApiError.ts'), 'utf8');
    for (const method of ['fromResponse', 'fromEventData']) {
      expect(source).toMatch(new RegExp(`\\bstatic ${method}\\(`));
      const line = report.split('\n').find((l) => l.includes(`${method}(`));
      expect(line, method).toBeDefined();
      expect(line?.trim(), method).toMatch(new RegExp(`^static ${method}\\(`));
    }
  });
});
