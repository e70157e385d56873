// The three renderings of an API diff: JSON for machines, one line a change for terminals, and
// Markdown for a pull-request comment. Names and literals come from the spec: each format keeps
// them text (JSON by its encoder, terminals without control characters, Markdown in code spans).
import type { ApiChange, ApiDiff, ChangeKind } from './diffIr.ts';

export type DiffFormat = 'json' | 'text' | 'md';
export const DIFF_FORMATS: readonly DiffFormat[] = ['json', 'text', 'md'];

export function formatDiff(diff: ApiDiff, format: DiffFormat): string {
  if (format === 'json') return formatJson(diff);
  if (format === 'text') return formatText(diff);
  return formatMarkdown(diff);
}

/** Exactly `{ bump, summary, changes: [{ kind, path, message, base, head }] }`. */
export function formatJson(diff: ApiDiff): string {
  const changes = diff.changes.map(({ kind, path, message, base, head }) => ({ kind, path, message, base, head }));
  return JSON.stringify({ bump: diff.bump, summary: diff.summary, changes }, null, 2) + '\n';
}

/** `major: 2 breaking, 5 features, 12 docs` */
export function summaryLine(diff: ApiDiff): string {
  const { breaking, feature, docs } = diff.summary;
  return `${diff.bump}: ${breaking} breaking, ${feature} ${feature === 1 ? 'feature' : 'features'}, ${docs} docs`;
}

export function formatText(diff: ApiDiff): string {
  const lines = diff.changes.map((c) => terminalText(`${c.kind}${c.deprecation ? ' (deprecation)' : ''} ${c.path}: ${c.message}`));
  return [...lines, summaryLine(diff)].join('\n') + '\n';
}

const SECTION_TITLES: Record<ChangeKind, string> = { breaking: 'Breaking changes', feature: 'Features', docs: 'Documentation' };

export function formatMarkdown(diff: ApiDiff): string {
  const out = [`## API changes: ${summaryLine(diff)}`, ''];
  if (diff.changes.length === 0) return [...out, 'No change to the generated client’s API.', ''].join('\n');
  const deprecations = diff.changes.filter((c) => c.deprecation);
  if (deprecations.length > 0) out.push('### Deprecations', '', ...deprecations.map((c) => `- ${code(c.path)}: ${plain(c.message)}`), '');
  for (const kind of ['breaking', 'feature', 'docs'] as const) {
    const changes = diff.changes.filter((c) => c.kind === kind && !c.deprecation);
    if (changes.length === 0) continue;
    out.push(`### ${SECTION_TITLES[kind]} (${changes.length})`, '');
    for (const [group, members] of groupBy(changes, (c) => c.group)) {
      out.push(`#### ${code(group)}`, '');
      for (const change of members) out.push(...changeItem(change));
      out.push('');
    }
  }
  return out.join('\n');
}

function changeItem(change: ApiChange): string[] {
  const item = [`- ${code(change.path)}: ${plain(change.message)}`];
  if (change.before !== undefined) item.push(`  - before: ${code(change.before)}`);
  if (change.after !== undefined) item.push(`  - after: ${code(change.after)}`);
  return item;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A Markdown code span that no backtick in the text can close; one line. */
export function code(text: string): string {
  const flat = terminalText(text).replace(/\s+/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A message in Markdown prose: names and literals in it are shown as text, not markup. */
function plain(text: string): string {
  return terminalText(text).replace(/[\\`*_{}[\]()#+\-.!<>&|~]/g, (c) => `\\${c}`);
}

/** Text for a terminal or a log: control characters (escape sequences, newlines) shown as `\uXXXX`. */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
