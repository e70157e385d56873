// Spec text lands in comments and Markdown; each context has its escaping function here
// (string literals and identifiers have theirs in naming.ts). No text can end a comment,
// start a new line of code, open HTML or break a table.

import { showControlCharacters } from '../diagnostics.ts';
import { memoizeText } from '../memo.ts';

/** Every character JavaScript reads as the end of a line, and the other control characters but tab. */
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g;

/** Lines for a `/** ... *\/` block. `*\/` cannot close the comment; control characters are dropped. */
export function docLines(text: string | undefined, extra: string[] = []): string[] {
  return [...commentLines(text ?? ''), ...extra.map(blockCommentLine)];
}

// Memoized by the text: a spec repeats the same descriptions (a shared parameter's, a common
// property's) in thousands of places.
const commentLines = memoizeText((text): readonly string[] => {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => blockCommentLine(l).replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
});

/** One line inside a block comment. */
function blockCommentLine(line: string): string {
  return line.replace(LINE_BREAKING, '').replace(/\*\//g, '*\\/');
}

/** Text after `//`: line breaks and other control characters are shown as `\uXXXX`, never kept. */
export const lineComment = showControlCharacters;

/**
 * Markdown prose: raw HTML is shown as text, and a code fence the text leaves open is closed at
 * its end (an open fence would turn the rest of the page into code).
 */
export function markdown(text: string | undefined): string {
  return closeOpenFence(escapeHtml((text ?? '').replace(/\r\n?/g, '\n')).trim());
}

/**
 * A CommonMark code fence is a line of three or more backticks or tildes, indented by at most
 * three spaces (a backtick fence's info string has no backtick); it is closed by a line of the
 * same character, at least as long, with nothing after it.
 */
function closeOpenFence(text: string): string {
  if (!text.includes('```') && !text.includes('~~~')) return text;
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) continue;
    const [, marks = '', rest = ''] = fence;
    if (open === undefined) {
      if (!(marks.startsWith('`') && rest.includes('`'))) open = marks;
    } else if (marks[0] === open[0] && marks.length >= open.length && rest.trim() === '') open = undefined;
  }
  return open === undefined ? text : `${text}\n${open}`;
}

/** One line of Markdown (a table cell, a heading, emphasis): one line, HTML and pipes escaped. */
export function tableCell(text: string | undefined): string {
  return escapePipes(markdown(text).replace(/\n+/g, ' '));
}

/** A type expression shown in Markdown. */
export function markdownCode(text: string): string {
  return escapePipes(escapeHtml(text));
}

/** For table cells: GFM splits cells on `|`, even inside a code span. */
export function escapePipes(text: string): string {
  return text.includes('|') ? text.replace(/\|/g, '\\|') : text;
}

function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}

/** What escapeHtml replaces; most text has none of it and is returned as it is. */
const HTML_SPECIAL = /[&<>]/;

/** A heading's anchor, safe inside a link: only letters, digits, `-` and `_` survive (GitHub ignores case). */
export function headingAnchor(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A Markdown code span around any text: the fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${markdownCode(padded.replace(/\r?\n|\r/g, ' '))}${fence}`;
}
