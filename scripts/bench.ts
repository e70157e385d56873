// npm run bench -- [--quick] [--only LIST] [--skip LIST] [--scale] [--scale-budget MIN] [--rounds N] [--openapi-generator | --no-openapi-generator] [--keep]
//
// Measures, in one run and on the same inputs, our generator and generated client against
// the peers: generation (vs openapi-generator typescript-fetch, @hey-api/openapi-ts,
// openapi-typescript, and the `yaml` parse floor), type-check cost (vs `openai`), runtime
// (SSE parsing and requests/second vs `openai`), bundle size (vs `openai`), then profiles our
// generate() on the full spec. Every measured run is a fresh child process; numbers are medians
// after a warm-up. Prints a Markdown table per section with ratios and PASS/MISS per target,
// and writes bench/results.md and bench/results.json.
//
// Sections (for --only / --skip): generation, typecheck, runtime, bundle, profile, paired, scale.
// --scale: only the scale table (the same as --only scale); --scale-budget MIN: start no new spec of
// the scale table after MIN minutes (on a busy machine); --rounds N: rounds of the paired section.
// --quick: fewer runs, and openapi-generator (minutes per run) is left out unless asked for.
// --keep: keep bench/.work (outputs, stream file, profile); by default only the profile stays.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBundle } from './bench/bundle.ts';
import { FULL_SPEC, makePlan, REPO_ROOT, timeAvailable, WORK_DIR, ensureDir, type Plan } from './bench/common.ts';
import { decompressSpec, runGeneration } from './bench/generation.ts';
import { runPaired, runScale } from './bench/paired.ts';
import { runProfile } from './bench/profile.ts';
import { busy, machine, markdownTable, sectionMarkdown, targetsSummary, writeResults, type BenchRun, type Section } from './bench/report.ts';
import { runRuntime } from './bench/runtime.ts';
import { runTypecheck } from './bench/typecheck.ts';

const SECTIONS = ['generation', 'typecheck', 'runtime', 'bundle', 'profile', 'paired', 'scale'] as const;
type SectionId = (typeof SECTIONS)[number];
const USAGE = 'usage: npm run bench -- [--quick] [--only LIST] [--skip LIST] [--scale] [--scale-budget MIN] [--rounds N] [--openapi-generator | --no-openapi-generator] [--keep]';

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function versions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pkg of ['typescript', 'yaml', 'ts-morph', 'handlebars', 'openai', '@hey-api/openapi-ts', 'openapi-typescript', 'esbuild']) out[pkg] = versionOf(pkg);
  try {
    const cli = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'openapitools.json'), 'utf8')) as { 'generator-cli'?: { version?: string } })['generator-cli'];
    if (cli?.version) out['openapi-generator'] = cli.version;
  } catch {
    // no pinned version: the generation section says why it could not run it
  }
  return out;
}

function parseList(value: string | undefined): SectionId[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) if (!(SECTIONS as readonly string[]).includes(item)) throw new Error(`unknown section "${item}"; sections: ${SECTIONS.join(', ')}`);
  return items as SectionId[];
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      skip: { type: 'string' },
      'openapi-generator': { type: 'boolean' },
      'no-openapi-generator': { type: 'boolean' },
      keep: { type: 'boolean', default: false },
      scale: { type: 'boolean', default: false },
      'scale-budget': { type: 'string' },
      rounds: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const only = values.scale ? ['scale' as const] : parseList(values.only);
  const skip = parseList(values.skip) ?? [];
  const wanted = (id: SectionId) => (only ? only.includes(id) : true) && !skip.includes(id);
  const withOg = values['no-openapi-generator'] ? false : values['openapi-generator'];
  const plan: Plan = makePlan(values.quick, withOg);

  // A missing spec is a hard error, before anything runs.
  if (!existsSync(FULL_SPEC)) {
    console.error(`bench: the full OpenAI spec is missing: ${FULL_SPEC}`);
    return 1;
  }
  console.error(`bench: measuring ${path.relative(REPO_ROOT, FULL_SPEC)}`);
  if (!timeAvailable()) console.error('bench: /usr/bin/time is missing (apt-get install time): peak memory comes from the children that report it, others show n/a.');
  ensureDir(WORK_DIR);
  decompressSpec();

  const started = performance.now();
  const host = machine();
  const sections: Section[] = [];
  const failed: string[] = [];
  let oursFullOut: string | undefined = path.join(WORK_DIR, 'gen', 'ours');
  const steps: Array<[SectionId, () => Promise<Section>]> = [
    [
      'generation',
      async () => {
        const r = await runGeneration(plan);
        oursFullOut = r.oursFullOut;
        return r.section;
      },
    ],
    ['typecheck', () => runTypecheck(plan, oursFullOut && existsSync(path.join(oursFullOut, 'src', 'index.ts')) ? oursFullOut : undefined)],
    ['runtime', () => runRuntime(plan)],
    ['bundle', () => runBundle(oursFullOut && existsSync(path.join(oursFullOut, 'src', 'index.ts')) ? oursFullOut : undefined)],
    ['profile', () => runProfile(plan)],
    ['paired', () => runPaired(values.rounds === undefined ? plan.runsHeavy : Number(values.rounds))],
    ['scale', () => runScale(values['scale-budget'] === undefined ? undefined : Number(values['scale-budget']) * 60_000)],
  ];
  console.log(`# Benchmarks (${plan.quick ? 'quick' : 'full'} mode)\n`);
  for (const [id, run] of steps) {
    if (!wanted(id)) continue;
    process.stderr.write(`\n== ${id} ==\n`);
    const t = performance.now();
    try {
      const section = await run();
      sections.push(section);
      console.log(sectionMarkdown(section));
    } catch (e) {
      failed.push(id);
      console.error(`bench: section ${id} failed: ${(e as Error).stack ?? e}`);
      sections.push({ id, title: `${id} (FAILED)`, method: `The section failed: ${(e as Error).message.split('\n')[0]}`, tables: [], notes: [], targets: [], data: { error: String(e) } });
    }
    process.stderr.write(`== ${id}: ${((performance.now() - t) / 1000).toFixed(1)} s ==\n`);
  }

  host.loadavg.end = os.loadavg()[0];
  const run: BenchRun = { machine: host, mode: plan.quick ? 'quick' : 'full', args: argv, durationMs: performance.now() - started, versions: versions(), sections };
  console.log('## Targets\n');
  console.log(markdownTable(targetsSummary(run)));
  console.log('');
  for (const s of sections) for (const t of s.targets) console.log(`${t.verdict.padEnd(4)}  ${t.name}: ${t.detail}`);
  if (busy(host)) console.log(`\nNote: load average ${host.loadavg.start.toFixed(2)} at start, ${host.loadavg.end?.toFixed(2)} at end on ${host.cores} cores: other work competed with the bench.`);
  const files = writeResults(run);
  console.log(`\nWrote ${path.relative(process.cwd(), files.md)} and ${path.relative(process.cwd(), files.json)} in ${(run.durationMs / 60000).toFixed(1)} min.`);

  if (!values.keep) {
    // Keep the profile (it is cited in results.md); the rest is tens of MB of generated code.
    for (const dir of ['gen', 'tsc', 'bundle', 'runtime', 'scale']) rmSync(path.join(WORK_DIR, dir), { recursive: true, force: true });
  }
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bench: ${(e as Error).message ?? e}\n${USAGE}`);
    process.exit(1);
  },
);
