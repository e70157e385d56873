// The generated package in every consumer's hands. It is packed once (`npm pack`, whose
// prepack script builds it), the tarball is checked by publint and attw, then installed
// offline into temporary consumer projects that each type-check one program against the
// installed declarations and run it against a loopback server, plain and streamed. Each
// program holds one line that must be a type error (`@ts-expect-error`): an unused
// directive fails the compile, so the declarations are proven typed, not `any`.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TSC_5_0 } from '../helpers.ts';
import { sendJson, startServer, type Handler, type TestServer } from '../support/http.js';
import { GENERATED_DIR, ROOT_NODE_MODULES, TSC, copyGenerated, makeTempDir, removeDir, runAsyncOk, runOk } from './helpers.js';

const { name: PACKAGE, version: VERSION } = JSON.parse(readFileSync(join(GENERATED_DIR, 'package.json'), 'utf8')) as { name: string; version: string };
const KEY = 'sk-consumer-matrix';
const BIN = (name: string) => join(ROOT_NODE_MODULES, '.bin', name);
/** npm without the network or the user's cache: everything comes from the tarball. */
const OFFLINE_NPM = { npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

let work: string;
let tarball: string;
let installed: string;
let server: TestServer;

beforeAll(async () => {
  work = makeTempDir('consumers-');
  const npmEnv = { ...OFFLINE_NPM, npm_config_cache: join(work, 'npm-cache') };
  // The package with a node_modules holding only this repository's TypeScript, so that the
  // package's own prepack script builds it, as `npm publish` would.
  const pkg = join(work, 'package');
  copyGenerated(pkg);
  mkdirSync(join(pkg, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(join(ROOT_NODE_MODULES, 'typescript'), join(pkg, 'node_modules', 'typescript'), 'dir');
  symlinkSync(join('..', 'typescript', 'bin', 'tsc'), join(pkg, 'node_modules', '.bin', 'tsc'));
  const packed = JSON.parse(runOk('npm', ['pack', '--json', '--pack-destination', work], pkg, npmEnv).stdout) as Array<{ filename: string }>;
  tarball = join(work, packed[0]!.filename);
  // One consumer root with the tarball installed; each project is a folder below it.
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumers', private: true }));
  runOk('npm', ['install', '--no-save', '--ignore-scripts', '--no-package-lock', tarball], work, npmEnv);
  installed = join(work, 'node_modules', PACKAGE);
  // Type packages come from this repository's node_modules, never from the registry.
  symlinkSync(join(ROOT_NODE_MODULES, '@types'), join(work, 'node_modules', '@types'), 'dir');
  server = await startServer(answer);
}, 300_000);

afterAll(async () => {
  await server?.close();
  removeDir(work);
});

/** Authenticated chat completions: JSON, or two chunks and a clean end without [DONE]. */
const answer: Handler = (req, res, body) => {
  if (req.headers.authorization !== `Bearer ${KEY}`) return sendJson(res, 401, { error: { message: 'missing key', type: 'invalid_request_error' } });
  const request = JSON.parse(body.toString('utf8')) as { stream?: boolean };
  const base = { id: 'c1', created: 1, model: 'gpt-4o' };
  if (!request.stream) {
    return sendJson(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: 'Hello', refusal: null } }] });
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const content of ['Hel', 'lo']) {
    res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, finish_reason: null, delta: { content } }] })}\n\n`);
  }
  res.end();
};

/** The calls every consumer makes, valid as TypeScript and as checked JavaScript. */
const CALLS = `
const completion = await chat.createChatCompletion({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
let streamed = '';
const stream = await chat.createChatCompletion({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
const aborted = await chat
  .createChatCompletion({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }, { signal: AbortSignal.abort() })
  .then(() => false, (e) => e instanceof ApiError && e.name === 'AbortError');
const result = { plain: completion.choices[0]?.message.content, streamed, aborted };
`;

/** Key and base URL from the environment, as the default spec's options say. */
const FROM_ENV = `const chat = new ChatApi(new Configuration({ maxRetries: 0 }));`;

const TYPE_ERROR = `
function mustNotCompile() {
  // @ts-expect-error maxRetries is a number
  new Configuration({ maxRetries: 'two' });
}
void mustNotCompile;
`;

const ESM_PROGRAM = `import { ApiError, ChatApi, Configuration } from '${PACKAGE}';
${FROM_ENV}
${CALLS}
console.log(JSON.stringify(result));
${TYPE_ERROR}`;

/** exactOptionalPropertyTypes: undefined may be passed for every optional field. */
const STRICT_PROGRAM = `import { ApiError, ChatApi, Configuration, type RequestOptions } from '${PACKAGE}';
const env = process.env;
const chat = new ChatApi(new Configuration({ accessToken: env['OPENAI_API_KEY'], basePath: env['OPENAI_BASE_URL'], maxRetries: 0, timeoutMs: undefined }));
const signal: AbortSignal | undefined = env['NO_SUCH_VARIABLE'] === undefined ? undefined : AbortSignal.timeout(1);
const options: RequestOptions = { signal, headers: undefined };
await chat.createChatCompletion({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }, options);
${CALLS}
console.log(JSON.stringify(result));
${TYPE_ERROR}`;

const CJS_PROGRAM = `// @ts-check
const { ApiError, ChatApi, Configuration } = require('${PACKAGE}');
async function main() {
  ${FROM_ENV}
  ${CALLS}
  console.log(JSON.stringify(result));
}
main().catch((error) => {
  console.error(error);
  throw error;
});
${TYPE_ERROR}`;

const BROWSER_PROGRAM = `import { ApiError, ChatApi, Configuration } from '${PACKAGE}';
declare const MATRIX: { baseUrl: string; key: string };
export async function run(): Promise<string> {
  let guarded = false;
  try {
    new Configuration({ accessToken: MATRIX.key });
  } catch {
    guarded = true;
  }
  const chat = new ChatApi(new Configuration({ basePath: MATRIX.baseUrl, accessToken: MATRIX.key, dangerouslyAllowBrowser: true, maxRetries: 0 }));
  ${CALLS}
  return JSON.stringify({ ...result, guarded });
}
${TYPE_ERROR}`;

/** Sets up what a page has (window, document, navigator), then runs the bundle. */
const BROWSER_RUNNER = `globalThis.window = { document: {} };
globalThis.navigator ??= { userAgent: 'matrix' };
globalThis.MATRIX = { baseUrl: process.env.MATRIX_BASE_URL, key: process.env.MATRIX_KEY };
const { run } = await import('./bundle.js');
console.log(await run());
`;

// Every project checks the installed declarations (skipLibCheck false) but not TypeScript's own
// lib files, which is what costs time. Only the projects that need it load @types/node.
const DOM = { lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] };
const NODE_TYPES = { lib: ['ES2023'], types: ['node'] };
const NODE16 = { target: 'ES2022', module: 'Node16', moduleResolution: 'Node16', strict: true, skipLibCheck: false, skipDefaultLibCheck: true, ...DOM };

interface Consumer {
  name: string;
  /** package.json `type` of the project. */
  type: 'module' | 'commonjs';
  files: Record<string, string>;
  compilerOptions: Record<string, unknown>;
  /** The compiler; this repository's TypeScript unless given. */
  tsc?: string;
  /** The file node runs after the compile (emitted, or a plain .mjs/.cjs). */
  main: string;
  browser?: boolean;
}

const CONSUMERS: Consumer[] = [
  { name: 'ts-node16', type: 'module', files: { 'main.ts': ESM_PROGRAM }, compilerOptions: { ...NODE16, outDir: 'out' }, main: 'out/main.js' },
  {
    name: 'ts-bundler-verbatim',
    type: 'module',
    files: { 'main.ts': ESM_PROGRAM },
    compilerOptions: { ...NODE16, module: 'ESNext', moduleResolution: 'Bundler', verbatimModuleSyntax: true, outDir: 'out' },
    main: 'out/main.js',
  },
  {
    name: 'ts-strictest',
    type: 'module',
    files: { 'main.ts': STRICT_PROGRAM },
    compilerOptions: { ...NODE16, ...NODE_TYPES, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noPropertyAccessFromIndexSignature: true, noImplicitOverride: true, outDir: 'out' },
    main: 'out/main.js',
  },
  { name: 'ts-node-only-lib', type: 'module', files: { 'main.ts': ESM_PROGRAM }, compilerOptions: { ...NODE16, ...NODE_TYPES, outDir: 'out' }, main: 'out/main.js' },
  { name: 'cjs-require', type: 'commonjs', files: { 'main.cjs': CJS_PROGRAM }, compilerOptions: { ...NODE16, allowJs: true, checkJs: true, noEmit: true }, main: 'main.cjs' },
  { name: 'plain-esm-mjs', type: 'commonjs', files: { 'main.mjs': `// @ts-check\n${ESM_PROGRAM}` }, compilerOptions: { ...NODE16, allowJs: true, checkJs: true, noEmit: true }, main: 'main.mjs' },
  {
    name: 'esbuild-browser',
    type: 'module',
    files: { 'main.ts': BROWSER_PROGRAM, 'run.mjs': BROWSER_RUNNER },
    compilerOptions: { ...NODE16, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true },
    main: 'run.mjs',
    browser: true,
  },
  {
    name: 'typescript-5.0',
    type: 'module',
    files: { 'main.ts': ESM_PROGRAM },
    compilerOptions: { ...NODE16, outDir: 'out' },
    tsc: TSC_5_0,
    main: 'out/main.js',
  },
];

describe.sequential('consumer matrix', () => {
  it('the tarball holds the build, the sources the maps point to, README, LICENSE and docs', () => {
    for (const file of ['LICENSE', 'README.md', 'dist/esm/index.js', 'dist/cjs/index.js', 'dist/esm/index.d.ts', 'docs/ChatApi.md']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    // Go-to-definition: declaration maps and source maps lead to shipped .ts files.
    for (const map of ['dist/esm/index.d.ts.map', 'dist/cjs/index.d.ts.map', 'dist/esm/runtime/BaseApi.js.map', 'dist/cjs/runtime/BaseApi.js.map']) {
      const { sources } = JSON.parse(readFileSync(join(installed, map), 'utf8')) as { sources: string[] };
      expect(sources.length, map).toBeGreaterThan(0);
      for (const source of sources) expect(existsSync(join(dirname(join(installed, map)), source)), `${map} -> ${source}`).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(manifest.scripts?.prepack).toBe('npm run build');
  });

  it('publint --strict finds nothing', async () => {
    const result = await runAsyncOk(BIN('publint'), ['run', '--strict', tarball], work);
    expect(result.stdout).toMatch(/All good/);
  });

  it('@arethetypeswrong/cli finds no problem for node10, node16 (CJS and ESM) or bundler', async () => {
    const result = await runAsyncOk(BIN('attw'), [tarball, '--format', 'json'], work);
    const report = JSON.parse(result.stdout) as { problems?: unknown[]; analysis?: { problems?: unknown[] } };
    expect(report.analysis?.problems ?? report.problems).toEqual([]);
  });

  for (const consumer of CONSUMERS) {
    it(`${consumer.name}: type-checks (one expected type error) and calls the server plain and streamed`, async () => {
      const dir = join(work, consumer.name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: consumer.name, private: true, type: consumer.type }));
      for (const [file, text] of Object.entries(consumer.files)) writeFileSync(join(dir, file), text);
      const sources = Object.keys(consumer.files).filter((f) => f !== 'run.mjs');
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: consumer.compilerOptions, files: sources }));
      await runAsyncOk(process.execPath, [consumer.tsc ?? TSC, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], dir);

      if (consumer.browser) await bundleForBrowser(dir);
      const before = server.requests.length;
      const env = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseUrl, MATRIX_KEY: KEY, MATRIX_BASE_URL: server.baseUrl };
      const output = JSON.parse((await runAsyncOk(process.execPath, [consumer.main], dir, env)).stdout) as Record<string, unknown>;
      expect(output).toEqual({ plain: 'Hello', streamed: 'Hello', aborted: true, ...(consumer.browser ? { guarded: true } : {}) });

      const requests = server.requests.slice(before);
      // An aborted signal sends nothing: one plain call and one stream (two for the strict program's extra call).
      expect(requests.length).toBeGreaterThanOrEqual(2);
      for (const request of requests) {
        expect(request.url).toBe('/v1/chat/completions');
        const agent = request.headers['user-agent'];
        if (consumer.browser) expect(agent).not.toBe(`${PACKAGE}/${VERSION}`);
        else expect(agent).toBe(`${PACKAGE}/${VERSION}`);
      }
    });
  }
});

/** An esbuild browser bundle of main.ts that must not import any Node built-in. */
async function bundleForBrowser(dir: string): Promise<void> {
  const result = await build({
    absWorkingDir: dir,
    entryPoints: ['main.ts'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    outfile: join(dir, 'bundle.js'),
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((input) => input.startsWith('node:') || !/(^main\.ts$|dist\/esm\/)/.test(input))).toEqual([]);
  const bundle = readFileSync(join(dir, 'bundle.js'), 'utf8');
  expect(bundle).not.toMatch(/\bfrom\s*["']node:|require\(\s*["']node:|import\(\s*["']node:/);
}
