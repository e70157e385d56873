// Spec prose goes into two places: JSDoc comments and Markdown. Both are escaped here so
// no description can end a comment, open HTML, or break a table.

/** Lines for a `/** ... *\/` block. `*\/` cannot close the comment; control characters are dropped. */
export function docLines(text: string | undefined, extra: string[] = []): string[] {
  const lines = (text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, '')
    .split('\n')
    .map((l) => l.replace(/\*\//g, '*\\/').replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return [...lines, ...extra.map((l) => l.replace(/\*\//g, '*\\/'))];
}

/** Markdown prose: raw HTML is shown as text. */
export function markdown(text: string | undefined): string {
  return escapeHtml((text ?? '').replace(/\r\n?/g, '\n')).trim();
}

/** One Markdown table cell: one line, pipes escaped. */
export function tableCell(text: string | undefined): string {
  return escapePipes(markdown(text).replace(/\n+/g, ' '));
}

/** A type expression shown in Markdown. */
export function markdownCode(text: string): string {
  return escapePipes(escapeHtml(text));
}

/** For table cells: GFM splits cells on `|`, even inside a code span. */
export function escapePipes(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
