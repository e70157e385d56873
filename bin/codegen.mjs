#!/usr/bin/env node
// The command line's entry point (`npm run generate`, `npm run validate`). Runs generator/cli.ts
// from a bundle made by esbuild, so a run does not pay tsx's compile-on-load start-up. The
// bundle is built on the first run and cached under .cache/cli-bundle/, named by a hash of
// everything that goes into it (the generator's sources, package.json, esbuild's version, this
// file and the checkout's path); a change to any of them builds a new one. Packages stay outside
// the bundle (loaded from node_modules); templates are read at run time, so they are not in it.
// When the bundle cannot be built or loaded, or CODEGEN_NO_BUNDLE=1, the CLI runs with tsx as before
// (CODEGEN_DEBUG=1 prints why).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(ROOT, 'generator', 'cli.ts');
// Inside the checkout, so the bundle's imports of packages resolve to its node_modules; a test
// points it at another folder there.
const BUNDLE_DIR = process.env.CODEGEN_BUNDLE_DIR || join(ROOT, '.cache', 'cli-bundle');

/** Every file below generator/ that can end up in the bundle (tests cannot), in a fixed order. */
function sourceFiles(dir = join(ROOT, 'generator')) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (!entry.name.includes('.test.')) files.push(full);
  }
  return files;
}

function bundleKey(esbuildVersion) {
  const hash = createHash('sha256');
  hash.update(`${ROOT}\0${esbuildVersion}\0${process.version}\0`);
  for (const file of [fileURLToPath(import.meta.url), join(ROOT, 'package.json'), ...sourceFiles()]) {
    hash.update(`${relative(ROOT, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * Builds the bundle. Each module's `import.meta.url` is replaced by its own source file's URL,
 * so the paths the generator computes from it (templates, package.json, the Swagger worker)
 * stay those of the checkout.
 */
async function build(esbuild, target) {
  const keepModuleUrl = {
    name: 'keep-module-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      }));
    },
  };
  const partial = `${target}.${process.pid}.tmp`;
  try {
    await esbuild.build({ entryPoints: [ENTRY], outfile: partial, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent', plugins: [keepModuleUrl] });
    renameSync(partial, target); // whole or absent, even with two first runs side by side
  } finally {
    rmSync(partial, { force: true });
  }
  // Bundles of older sources are never used again.
  for (const name of readdirSync(BUNDLE_DIR)) if (name.endsWith('.mjs') && join(BUNDLE_DIR, name) !== target) rmSync(join(BUNDLE_DIR, name), { force: true });
}

/** The cached bundle's path, built first when missing; undefined when it cannot be had. */
async function bundlePath() {
  if (process.env.CODEGEN_NO_BUNDLE === '1') return undefined;
  try {
    const require = createRequire(import.meta.url);
    const esbuildVersion = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
    const target = join(BUNDLE_DIR, `cli-${bundleKey(esbuildVersion)}.mjs`);
    if (statSync(target, { throwIfNoEntry: false })?.isFile()) return target;
    mkdirSync(BUNDLE_DIR, { recursive: true });
    await build(await import('esbuild'), target);
    return target;
  } catch (err) {
    if (process.env.CODEGEN_DEBUG) console.error(err);
    return undefined;
  }
}

function runWithTsx() {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = spawnSync(process.execPath, [...process.execArgv, tsx, ENTRY, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}

const bundle = await bundlePath();
if (bundle === undefined) runWithTsx();
else {
  try {
    // The CLI's main() starts as the module is evaluated and sets process.exitCode itself; a
    // rejected import means the bundle failed before main() ran.
    await import(pathToFileURL(bundle).href);
  } catch (err) {
    if (process.env.CODEGEN_DEBUG) console.error(err);
    rmSync(bundle, { force: true }); // a bundle that does not load is rebuilt next time
    runWithTsx();
  }
}
