// For the pull-request workflow: one api:diff run gives the sticky comment's body (Markdown,
// marked so the next run finds and replaces it) and the semver label.
//
//   tsx scripts/ci/pr-report.ts --base origin/main --body api-diff.md
// prints `label=semver:minor` (for $GITHUB_OUTPUT) and writes the body file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runApiDiff } from '../../generator/diff/apiDiffCommand.ts';
import type { ApiDiff } from '../../generator/diff/diffIr.ts';
import { formatMarkdown } from '../../generator/diff/format.ts';

/** Marks the workflow's own comment: the sticky-comment step edits the comment holding it. */
export const COMMENT_MARKER = '<!-- openai-ts-codegen:api-diff -->';
export const SEMVER_LABELS = ['semver:major', 'semver:minor', 'semver:patch'] as const;

export function prReport(diff: ApiDiff): { body: string; label: (typeof SEMVER_LABELS)[number] } {
  // An unchanged API still ships a regenerated package: a patch.
  const label = diff.bump === 'major' ? 'semver:major' : diff.bump === 'minor' ? 'semver:minor' : 'semver:patch';
  return { body: `${COMMENT_MARKER}\n${formatMarkdown(diff)}`, label };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { base: { type: 'string' }, body: { type: 'string' } }, strict: true });
  if (!values.base || !values.body) {
    console.error('usage: tsx scripts/ci/pr-report.ts --base <git-ref> --body <file>');
    process.exit(2);
  }
  const { body, label } = prReport(runApiDiff(['--base', values.base, '--format', 'json']).diff);
  writeFileSync(values.body, body);
  console.log(`label=${label}`);
}
