// Markdown tables, PASS/MISS targets, and the results files (bench/results.md, .json).
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDir, RESULTS_DIR } from './common.ts';

export interface Table {
  caption?: string;
  headers: string[];
  rows: string[][];
  /** Columns (by index) to right-align: the numbers. */
  numeric?: number[];
}

export type Verdict = 'PASS' | 'MISS' | 'N/A';

export interface Target {
  name: string;
  /** What was measured against what, e.g. "5.12 s vs floor 1.10 s = 4.65×". */
  detail: string;
  verdict: Verdict;
}

export interface Section {
  id: string;
  title: string;
  /** One paragraph: what was measured and how. */
  method: string;
  tables: Table[];
  notes: string[];
  targets: Target[];
  /** Raw numbers for results.json. */
  data: unknown;
}

export function markdownTable(t: Table): string {
  const numeric = new Set(t.numeric ?? []);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `| ${t.headers.map(esc).join(' | ')} |`,
    `| ${t.headers.map((_, i) => (numeric.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ];
  return (t.caption ? `${t.caption}\n\n` : '') + lines.join('\n');
}

export function verdict(ok: boolean | undefined): Verdict {
  return ok === undefined ? 'N/A' : ok ? 'PASS' : 'MISS';
}

export function sectionMarkdown(s: Section): string {
  const parts = [`## ${s.title}`, '', s.method, ''];
  for (const t of s.tables) parts.push(markdownTable(t), '');
  if (s.targets.length) {
    parts.push(markdownTable({ headers: ['Target', 'Result', 'Measured'], rows: s.targets.map((t) => [t.name, `**${t.verdict}**`, t.detail]) }), '');
  }
  for (const n of s.notes) parts.push(`- ${n}`);
  if (s.notes.length) parts.push('');
  return parts.join('\n');
}

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  date: string;
  /** 1-minute load average when the bench started and when it ended: other work on the machine skews timings. */
  loadavg: { start: number; end?: number };
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    loadavg: { start: os.loadavg()[0]! },
  };
}

export interface BenchRun {
  machine: Machine;
  mode: 'full' | 'quick';
  args: string[];
  durationMs: number;
  versions: Record<string, string>;
  sections: Section[];
}

export function targetsSummary(run: BenchRun): Table {
  const rows = run.sections.flatMap((s) => s.targets.map((t) => [t.name, `**${t.verdict}**`, t.detail]));
  return { headers: ['Target', 'Result', 'Measured'], rows };
}

export function resultsMarkdown(run: BenchRun): string {
  const m = run.machine;
  const head = [
    '# Benchmarks: ours against the peers',
    '',
    `Written by \`npm run bench${run.args.length ? ' -- ' + run.args.join(' ') : ''}\` (scripts/bench.ts) on ${m.date.slice(0, 10)}; do not edit by hand.`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memory}, ${m.os}`,
    `- Node ${m.node}; ${Object.entries(run.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `- Load average (1 min) at start / end: ${m.loadavg.start.toFixed(2)} / ${m.loadavg.end?.toFixed(2) ?? '?'}${busy(m) ? ' — **the machine was busy with other work: timings are noisier than usual**' : ''}`,
    `- Mode: ${run.mode} (medians of the measured runs after a warm-up; every measured run is a fresh process). Whole bench: ${(run.durationMs / 60000).toFixed(1)} min.`,
    '',
    '## Targets',
    '',
    markdownTable(targetsSummary(run)),
    '',
  ];
  return [...head, ...run.sections.map(sectionMarkdown)].join('\n');
}

/** Load above half a core at either end means other processes competed for the two cores. */
export function busy(m: Machine): boolean {
  return m.loadavg.start > 0.5 * m.cores || (m.loadavg.end ?? 0) > 0.5 * m.cores;
}

export function writeResults(run: BenchRun, dir = RESULTS_DIR): { md: string; json: string } {
  ensureDir(dir);
  const md = path.join(dir, 'results.md');
  const json = path.join(dir, 'results.json');
  run = withEarlierSections(run, json);
  writeFileSync(md, resultsMarkdown(run));
  writeFileSync(json, JSON.stringify(run, null, 2) + '\n');
  return { md, json };
}

/**
 * A run of some sections (--only, --scale) keeps the other sections of the previous results,
 * each marked with the date and load of the run that measured it, so results.md stays whole.
 */
function withEarlierSections(run: BenchRun, json: string): BenchRun {
  let previous: BenchRun;
  try {
    previous = JSON.parse(readFileSync(json, 'utf8')) as BenchRun;
  } catch {
    return run;
  }
  const fresh = new Set(run.sections.map((section) => section.id));
  const carried = (previous.sections ?? [])
    .filter((section) => !fresh.has(section.id))
    .map((section) => {
      const note = `Measured in an earlier run (${previous.machine.date.slice(0, 10)}, load average ${previous.machine.loadavg.start.toFixed(2)} at its start), not in this one.`;
      return { ...section, notes: section.notes.some((n) => n.startsWith('Measured in an earlier run')) ? section.notes : [note, ...section.notes] };
    });
  return { ...run, sections: [...carried, ...run.sections] };
}
