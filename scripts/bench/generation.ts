// Section 1: generating a client from the full OpenAI spec, ours against openapi-generator
// (typescript-fetch), @hey-api/openapi-ts and openapi-typescript, with the `yaml` parse of
// the same text as the floor.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { listFiles } from '../../generator/files.ts';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  BIN,
  ensureDir,
  fmtBytes,
  fmtMs,
  fmtRatio,
  FULL_SPEC,
  measure,
  progress,
  REPO_ROOT,
  reportSeries,
  tryMeasure,
  tsNode,
  WORK_DIR,
  type Measured,
  type Plan,
} from './common.ts';
import { verdict, type Section, type Table } from './report.ts';

export interface GenerationResult {
  section: Section;
  /** Where our full-spec client was written (used by the type-check section). */
  oursFullOut: string;
  /** The decompressed spec. */
  plainSpec: string;
}

interface ToolRow {
  key: string;
  tool: string;
  m: Measured | undefined;
  skipped?: string;
  out?: { files: number; bytes: number };
}

/** `spec` (by default the full spec) decompressed into bench/.work/spec; rewritten only when its size differs. */
export function decompressSpec(spec = FULL_SPEC): string {
  if (!existsSync(spec)) {
    throw new Error(`The full OpenAI spec is missing: ${spec}. The bench needs it; it is committed under test/fixtures/specs/openai/.`);
  }
  const dir = ensureDir(path.join(WORK_DIR, 'spec'));
  const plain = path.join(dir, path.basename(spec).replace(/\.gz$/, ''));
  const text = gunzipSync(readFileSync(spec));
  if (!existsSync(plain) || statSync(plain).size !== text.length) writeFileSync(plain, text);
  return plain;
}

export function treeSize(dir: string): { files: number; bytes: number } {
  const files = existsSync(dir) ? listFiles(dir) : [];
  return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) };
}

const emptied = (dir: string) => () => rmSync(dir, { recursive: true, force: true });

/** The openapi-generator jar, through the oracle's locateJar(); fetched once if missing. */
async function findJar(): Promise<{ jar?: string; version?: string; reason?: string }> {
  const file = path.join(REPO_ROOT, 'generator', 'oracle', 'openapiGenerator.ts');
  if (!existsSync(file)) return { reason: 'generator/oracle/openapiGenerator.ts does not exist' };
  const oracle = (await import('../../generator/oracle/openapiGenerator.ts')) as {
    locateJar?: () => string;
    pinnedGeneratorVersion?: () => string;
  };
  if (typeof oracle.locateJar !== 'function') return { reason: 'the oracle exports no locateJar()' };
  const version = oracle.pinnedGeneratorVersion?.();
  try {
    return { jar: oracle.locateJar(), version };
  } catch (e) {
    progress(`openapi-generator jar not found (${(e as Error).message}); running scripts/fetch-generator-jar.sh`);
    const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'fetch-generator-jar.sh')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 660_000 });
    if (r.status !== 0) return { reason: `the jar could not be fetched: ${(r.stderr || r.stdout).trim().split('\n').pop()}`, version };
    try {
      return { jar: oracle.locateJar(), version };
    } catch (e2) {
      return { reason: (e2 as Error).message, version };
    }
  }
}

function javaVersion(): string | undefined {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return /version "([^"]+)"/.exec(`${r.stdout}${r.stderr}`)?.[1];
}

export async function runGeneration(plan: Plan): Promise<GenerationResult> {
  const plainSpec = decompressSpec();
  const outRoot = ensureDir(path.join(WORK_DIR, 'gen'));
  const heavy = { warmup: plan.warmup, runs: plan.runsHeavy };
  const cheap = { warmup: plan.warmup, runs: plan.runsCheap };

  // The floor: parsing the same text with `yaml`, nothing else.
  const floorDoc = await measure('floor: YAML.parseDocument', tsNode('run-yaml.ts', ['parseDocument', FULL_SPEC]), cheap, { jsonReport: true });
  const floorParse = await measure('floor: YAML.parse', tsNode('run-yaml.ts', ['parse', FULL_SPEC]), cheap, { jsonReport: true });

  // Ours. The output folder is removed before every run (not timed) so each run writes a fresh tree.
  const oursOut = path.join(outRoot, 'ours');
  const ours = await measure('ours: generate()', tsNode('run-ours.ts', ['generate', FULL_SPEC, oursOut]), heavy, { jsonReport: true, prepare: emptied(oursOut) });
  // The usual `npm run generate`: the previous output is there (left by the run before), so
  // the writer swaps a new tree in for it.
  const oursAgain = await measure('ours: generate() over its previous output', tsNode('run-ours.ts', ['generate', FULL_SPEC, oursOut]), heavy, { jsonReport: true });
  const oursBuild = await measure('ours: buildClient() (no write)', tsNode('run-ours.ts', ['build', FULL_SPEC]), heavy, { jsonReport: true });

  const rows: ToolRow[] = [];
  rows.push({ key: 'ours', tool: 'ours: generate() (gzipped spec in, files out)', m: ours, out: treeSize(oursOut) });
  rows.push({ key: 'oursAgain', tool: 'ours: generate() over its previous output', m: oursAgain });
  rows.push({ key: 'oursBuild', tool: 'ours: buildClient() (in memory, no write)', m: oursBuild });

  // openapi-generator 7.x, typescript-fetch, run directly with java -jar as the oracle does.
  const jar = await findJar();
  const ogOut = path.join(outRoot, 'openapi-generator');
  let ogVersion = jar.version;
  if (!jar.jar) rows.push({ key: 'openapiGenerator', tool: 'openapi-generator typescript-fetch', m: undefined, skipped: jar.reason });
  else if (plan.runsJava === 0) {
    rows.push({ key: 'openapiGenerator', tool: `openapi-generator ${ogVersion} typescript-fetch`, m: undefined, skipped: 'skipped in --quick mode (takes minutes; pass --openapi-generator to include it)' });
  } else {
    // One measured run, no warm-up: a run takes minutes on this spec (each run is a cold JVM anyway).
    const { m, failed } = await tryMeasure(
      `openapi-generator ${ogVersion ?? ''} typescript-fetch`,
      ['java', '-jar', jar.jar, 'generate', '-g', 'typescript-fetch', '-i', plainSpec, '-o', ogOut, '--skip-validate-spec'],
      { warmup: 0, runs: plan.runsJava },
      { prepare: emptied(ogOut), cwd: outRoot, timeoutMs: 1_200_000 },
    );
    rows.push({ key: 'openapiGenerator', tool: `openapi-generator ${ogVersion ?? ''} typescript-fetch (java ${javaVersion() ?? '?'})`, m, skipped: failed, out: m && treeSize(ogOut) });
  }

  // @hey-api/openapi-ts, default plugins (types, sdk, fetch client).
  const heyOut = path.join(outRoot, 'hey-api');
  const hey = await tryMeasure('@hey-api/openapi-ts', [BIN('openapi-ts'), '-i', plainSpec, '-o', heyOut], heavy, { prepare: emptied(heyOut), cwd: outRoot });
  rows.push({ key: 'heyApi', tool: '@hey-api/openapi-ts (default plugins)', m: hey.m, skipped: hey.failed, out: hey.m && treeSize(heyOut) });

  // openapi-typescript: types only, one file.
  const otOut = path.join(outRoot, 'openapi-typescript');
  const ot = await tryMeasure('openapi-typescript', [BIN('openapi-typescript'), plainSpec, '-o', path.join(otOut, 'schema.ts')], heavy, {
    prepare: () => {
      rmSync(otOut, { recursive: true, force: true });
      ensureDir(otOut);
    },
    cwd: outRoot,
  });
  rows.push({ key: 'openapiTypescript', tool: 'openapi-typescript (types only)', m: ot.m, skipped: ot.failed, out: ot.m && treeSize(otOut) });

  const oursWall = ours.wallMs.median;
  const oursRss = ours.maxRssBytes?.median;
  const oursCpu = ours.cpuMs?.median;
  const floorWall = floorDoc.wallMs.median;
  const oursWork = reportSeries(ours, 'ms')?.median;
  const floorWork = reportSeries(floorDoc, 'ms')?.median;

  const main: Table = {
    caption: 'Wall time and peak memory per tool (each run a fresh process; medians). Ratios are tool ÷ ours, so above 1× means ours is faster / smaller.',
    headers: ['Tool', 'Runs', 'Wall (median)', 'min–max', 'CPU (user+sys)', 'Peak RSS', 'Wall ÷ ours', 'CPU ÷ ours', 'RSS ÷ ours', 'Output'],
    numeric: [1, 2, 4, 5, 6, 7, 8],
    rows: rows.map((r) =>
      r.m
        ? [
            r.tool,
            String(r.m.runs),
            fmtMs(r.m.wallMs.median),
            `${fmtMs(r.m.wallMs.min)}–${fmtMs(r.m.wallMs.max)}`,
            fmtMs(r.m.cpuMs?.median),
            fmtBytes(r.m.maxRssBytes?.median),
            r.key === 'ours' ? '1×' : fmtRatio(r.m.wallMs.median / oursWall),
            r.key === 'ours' ? '1×' : fmtRatio(r.m.cpuMs && oursCpu ? r.m.cpuMs.median / oursCpu : undefined),
            r.key === 'ours' ? '1×' : fmtRatio(r.m.maxRssBytes && oursRss ? r.m.maxRssBytes.median / oursRss : undefined),
            r.out ? `${r.out.files} files, ${fmtBytes(r.out.bytes)}` : '',
          ]
        : [r.tool, '0', 'not measured', '', '', '', '', '', '', r.skipped ?? ''],
    ),
  };

  const floorRows = [floorDoc, floorParse].map((f) => {
    const work = reportSeries(f, 'ms')?.median;
    return [
      f.label,
      fmtMs(f.wallMs.median),
      fmtMs(work),
      fmtMs(f.cpuMs?.median),
      fmtBytes(f.maxRssBytes?.median),
      fmtRatio(oursWall / f.wallMs.median),
      fmtRatio(oursWork !== undefined && work !== undefined ? oursWork / work : undefined),
      fmtRatio(oursCpu && f.cpuMs ? oursCpu / f.cpuMs.median : undefined),
    ];
  });
  const floor: Table = {
    caption:
      'Ours against the floor: reading + gunzipping + parsing the same spec with `yaml` alone in a fresh process. "Work" excludes Node start-up and module loading (timed inside the child: the generate() call vs read+parse).',
    headers: ['Floor', 'Wall', 'Work', 'CPU (user+sys)', 'Peak RSS', 'ours ÷ floor (wall)', 'ours ÷ floor (work)', 'ours ÷ floor (CPU)'],
    numeric: [1, 2, 3, 4, 5, 6, 7],
    rows: floorRows,
  };

  const importMs = reportSeries(ours, 'importMs')?.median;
  const buildWork = reportSeries(oursBuild, 'ms')?.median;
  const inside: Table = {
    caption: 'Inside our process (medians).',
    headers: ['Part', 'Time'],
    numeric: [1],
    rows: [
      ['Node + tsx start-up and loading the generator modules (ts-morph/typescript, handlebars, yaml)', fmtMs(importMs)],
      ['generate() call (load → write)', fmtMs(oursWork)],
      ['generate() call over the previous output', fmtMs(reportSeries(oursAgain, 'ms')?.median)],
      ['buildClient() call (load → postprocess, no write)', fmtMs(buildWork)],
      ['so writing costs about', fmtMs(oursWork !== undefined && buildWork !== undefined ? oursWork - buildWork : undefined)],
    ],
  };

  const og = rows.find((r) => r.key === 'openapiGenerator');
  const ratioFloor = oursWall / floorWall;
  const ogRatio = og?.m ? og.m.wallMs.median / oursWall : undefined;
  const targets = [
    {
      name: 'generate ≤ 1.5× the YAML-parse floor',
      detail: `wall ${fmtMs(oursWall)} vs YAML.parseDocument ${fmtMs(floorWall)} = ${fmtRatio(ratioFloor)}; work ${fmtMs(oursWork)} vs ${fmtMs(floorWork)} = ${fmtRatio(oursWork !== undefined && floorWork !== undefined ? oursWork / floorWork : undefined)}`,
      verdict: verdict(ratioFloor <= 1.5),
    },
    {
      name: '≥ 5× faster than openapi-generator',
      detail: og?.m ? `${fmtMs(og.m.wallMs.median)} vs ours ${fmtMs(oursWall)} = ${fmtRatio(ogRatio)} faster` : `not measured: ${og?.skipped}`,
      verdict: verdict(ogRatio === undefined ? undefined : ogRatio >= 5),
    },
  ];

  const notes = [
    `Spec: ${path.relative(REPO_ROOT, FULL_SPEC)} (${fmtBytes(readFileSync(plainSpec).length)} of YAML). Ours reads the .gz directly; the peers get the decompressed copy.`,
    `Our output: ${reportSeries(ours, 'operations')?.median ?? '?'} operations, ${reportSeries(ours, 'models')?.median ?? '?'} models. Outputs differ in scope (openapi-typescript writes types only; hey-api writes types + SDK in three files; openapi-generator and ours write one file per model and API plus docs), so the wall ratios compare tools, not equal work.`,
    'The target is judged on wall time (what a user waits for); both processes start Node with tsx, so start-up is the same on both sides.',
    'CPU is user + system time of the whole process: above wall for multi-threaded tools (the JVM), below it for a tool that waits on the disk. Ours and openapi-generator create ~4,100 files each; on a disk where creating a file costs a fraction of a millisecond (and more while other processes write), that alone is seconds of wall time with the CPU idle: compare "so writing costs about" below.',
  ];
  if (og?.m) notes.push('openapi-generator gets one measured run and no warm-up: a run takes minutes here, and every run is a cold JVM anyway.');

  return {
    plainSpec,
    oursFullOut: oursOut,
    section: {
      id: 'generation',
      title: '1. Generation (full OpenAI spec)',
      method:
        'Each tool turns the full OpenAI spec into TypeScript in a fresh process, output to an emptied folder under bench/.work/gen. Peak memory is the child\'s maximum resident set size from `/usr/bin/time -v`.',
      tables: [main, floor, inside],
      notes,
      targets,
      data: {
        spec: FULL_SPEC,
        floor: { parseDocument: floorDoc, parse: floorParse },
        tools: Object.fromEntries(rows.map((r) => [r.key, { tool: r.tool, measured: r.m, skipped: r.skipped, output: r.out }])),
        openapiGeneratorVersion: ogVersion,
        ratios: { oursOverFloorWall: ratioFloor, oursOverFloorWork: oursWork && floorWork ? oursWork / floorWork : undefined, openapiGeneratorOverOurs: ogRatio },
      },
    },
  };
}
