// Section 5: where our generate() spends its time on the full spec. One run under
// `node --cpu-prof`, attributed to pipeline stages by call stack, plus unprofiled runs of
// the stages one by one for their wall times.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureDir, fmtMs, FULL_SPEC, measure, REPO_ROOT, runMeasured, failure, tsNode, WORK_DIR, type Plan } from './common.ts';
import type { Section, Table } from './report.ts';
import { STAGES } from '../../generator/pipeline.ts';

const STAGE_OF_FILE = new RegExp(`/generator/(${STAGES.join('|')})/`);
const STARTUP = 'startup';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface FunctionCost {
  name: string;
  where: string;
  selfMs: number;
}

export interface StageProfile {
  stage: string;
  /** Sampled time (CPU, GC and idle) attributed to the stage. */
  ms: number;
  gcMs: number;
  idleMs: number;
  /** Self time by package (yaml, typescript, ts-morph, handlebars, our code, node internals...). */
  packages: Array<{ name: string; ms: number }>;
  top: FunctionCost[];
}

export interface ProfileSummary {
  totalMs: number;
  stages: StageProfile[];
}

const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

/** Short location: path inside the repo or inside node_modules/<package>. */
function where(frame: CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return frame.functionName.startsWith('(') ? '' : '(native)';
  // tsx's transpiled TypeScript keeps no useful line numbers: name the file only.
  const line = frame.lineNumber >= 0 && !/\.[cm]?ts$/.test(url) ? `:${frame.lineNumber + 1}` : '';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length) + line;
  if (url.startsWith(REPO_ROOT)) return path.relative(REPO_ROOT, url) + line;
  return url + line;
}

function packageOf(frame: CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (frame.functionName === '(garbage collector)') return 'GC';
  if (frame.functionName === '(program)') return '(program: V8/native)';
  if (frame.functionName === '(idle)') return '(idle: waiting on I/O)';
  if (!url) return '(native builtins)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /\/(generator|scripts|templates)\/(.*)$/.exec(url);
  if (m) return m[1] === 'generator' ? `generator/${m[2]!.split('/')[0]!.replace(/\.ts$/, '')}` : m[1]!;
  return url;
}

export function summarizeProfile(profile: CpuProfile, topN = 8): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Stage of every node: the outermost frame on its stack that lives in generator/<stage>/, so a
  // helper one stage borrows from another's folder counts for the caller. A module's top-level
  // code (an unnamed frame with no stage above it) runs while importing: it stays "startup".
  const stageOf = new Map<number, string | undefined>();
  const root = profile.nodes[0]!;
  const stack: Array<[ProfileNode, string | undefined]> = [[root, undefined]];
  while (stack.length) {
    const [node, inherited] = stack.pop()!;
    const m = inherited === undefined && node.callFrame.functionName !== '' ? STAGE_OF_FILE.exec(node.callFrame.url) : null;
    const stage = inherited ?? m?.[1];
    stageOf.set(node.id, stage);
    for (const c of node.children ?? []) stack.push([byId.get(c)!, stage]);
  }

  const acc = new Map<string, { ms: number; gcMs: number; idleMs: number; packages: Map<string, number>; fns: Map<string, FunctionCost> }>();
  const bucket = (stage: string) => {
    let b = acc.get(stage);
    if (!b) acc.set(stage, (b = { ms: 0, gcMs: 0, idleMs: 0, packages: new Map(), fns: new Map() }));
    return b;
  };
  let current = STARTUP;
  let totalMs = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!)!;
    // A sample lasts until the next one.
    const ms = (i + 1 < timeDeltas.length ? timeDeltas[i + 1]! : 0) / 1000;
    const frame = node.callFrame;
    const own = SPECIAL.has(frame.functionName) ? undefined : stageOf.get(node.id);
    // GC, idle and frames outside any stage belong to the stage that was running.
    if (own) current = own;
    const b = bucket(current);
    b.ms += ms;
    totalMs += ms;
    if (frame.functionName === '(garbage collector)') b.gcMs += ms;
    if (frame.functionName === '(idle)') b.idleMs += ms;
    const pkg = packageOf(frame);
    b.packages.set(pkg, (b.packages.get(pkg) ?? 0) + ms);
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}`;
    const fn = b.fns.get(key) ?? { name: frame.functionName || '(anonymous)', where: where(frame), selfMs: 0 };
    fn.selfMs += ms;
    b.fns.set(key, fn);
  }
  const order = [STARTUP, ...STAGES];
  const stages = [...acc.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([stage, b]) => ({
      stage,
      ms: b.ms,
      gcMs: b.gcMs,
      idleMs: b.idleMs,
      packages: [...b.packages.entries()].map(([name, ms]) => ({ name, ms })).sort((x, y) => y.ms - x.ms),
      top: [...b.fns.values()].sort((x, y) => y.selfMs - x.selfMs).slice(0, topN),
    }));
  return { totalMs, stages };
}

/** The main thread's profile: the largest file (tsx's loader thread writes a small second one). */
export function mainProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
  if (files.length === 0) throw new Error(`no .cpuprofile written in ${dir}`);
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

export async function runProfile(plan: Plan): Promise<Section> {
  const dir = path.join(WORK_DIR, 'profile');
  rmSync(dir, { recursive: true, force: true });
  ensureDir(dir);
  const out = path.join(WORK_DIR, 'gen', 'ours-profiled');

  // Wall time of each stage, unprofiled.
  const stagesRun = await measure('ours: stages one by one', tsNode('run-ours.ts', ['stages', FULL_SPEC, out]), { warmup: 0, runs: plan.runsHeavy }, {
    jsonReport: true,
    prepare: () => rmSync(out, { recursive: true, force: true }),
  });
  const stageWall = (name: string) => {
    const values = stagesRun.reports.map((r) => (r.stages as Record<string, number> | undefined)?.[name]).filter((v): v is number => typeof v === 'number');
    return values.length ? values.sort((a, b) => a - b)[values.length >> 1] : undefined;
  };

  rmSync(out, { recursive: true, force: true });
  const profiled = await runMeasured(tsNode('run-ours.ts', ['generate', FULL_SPEC, out], ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500']), { jsonReport: true });
  if (profiled.code !== 0) throw failure('profiled generate', profiled);
  const file = mainProfile(dir);
  const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  rmSync(out, { recursive: true, force: true });

  const total = summary.totalMs;
  const stageTable: Table = {
    caption: `Per stage: wall time from unprofiled runs (median of ${stagesRun.runs}; "startup" = Node + tsx + loading the generator's modules), and the sampled profile of one \`generate()\` run (${fmtMs(total)} sampled in all, 0.5 ms interval), with GC and I/O waits charged to the stage that was running.`,
    headers: ['Stage', 'Wall (unprofiled)', 'Profiled', 'Share', 'of which GC', 'Where the self time goes (package: ms)'],
    numeric: [1, 2, 3, 4],
    rows: summary.stages.map((s) => [
      s.stage === STARTUP ? 'startup (Node, tsx, imports)' : s.stage,
      fmtMs(s.stage === STARTUP ? stageWall('import') : stageWall(s.stage)),
      fmtMs(s.ms),
      `${((s.ms / total) * 100).toFixed(1)}%`,
      fmtMs(s.gcMs),
      s.packages
        .slice(0, 4)
        .map((p) => `${p.name}: ${p.ms.toFixed(0)}`)
        .join(', '),
    ]),
  };
  const topTable: Table = {
    caption: 'Top self-time functions per stage (profiled run).',
    headers: ['Stage', 'Function', 'Location', 'Self'],
    numeric: [3],
    rows: summary.stages.flatMap((s) => s.top.slice(0, s.stage === STARTUP ? 4 : 6).map((f, i) => [i === 0 ? s.stage : '', f.name, f.where, fmtMs(f.selfMs)])),
  };
  return {
    id: 'profile',
    title: '5. Profile of our generate() on the full spec',
    method: `\`node --cpu-prof --import tsx scripts/bench/run-ours.ts generate <full spec> <out>\`; the .cpuprofile (kept in bench/.work/profile/) is read by scripts/bench/profile.ts, which charges every sample to the outermost generator/<stage>/ frame on its stack (GC and I/O waits to the stage that was running).`,
    tables: [stageTable, topTable],
    notes: [`Profile file: ${path.relative(REPO_ROOT, file)}${existsSync(file) ? '' : ' (missing)'}; generate() inside the profiled process took ${fmtMs(profiled.report?.ms as number | undefined)} (profiling slows it down a little).`],
    targets: [],
    data: { stageWallMs: Object.fromEntries(['import', ...STAGES].map((s) => [s, stageWall(s)])), stagesRuns: stagesRun, profiledMs: profiled.report?.ms, summary },
  };
}
