// Checks on the spec's bytes and text before YAML reads them, each failing with one located
// error: bytes that are not UTF-8 (a decoder would silently replace them), and comments in a
// JSON spec (YAML would misread them and report something unrelated).
import { fileError, type DiagnosticCode } from '../diagnostics.ts';
import { SpecError } from '../errors.ts';

/** The spec's text; invalid UTF-8 is an error at its line and column, not a replacement character. */
export function decodeSpec(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    throw located('NOT_UTF8', file, before, `the spec is not valid UTF-8 (byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8`);
  }
}

/** Fails when a JSON spec (by name, or by its first character) holds a `//` or `/*` comment. */
export function rejectJsonComments(text: string, file: string): void {
  const start = skipCommentsAndSpace(text, 0);
  if (!/\.json(\.gz)?$/i.test(file) && text[start] !== '{' && text[start] !== '[') return;
  const at = firstJsonComment(text);
  if (at === undefined) return;
  // Outside a .json file, `{` could open YAML flow style, where `//` is plain text: only a comment before the `{` counts.
  if (!/\.json(\.gz)?$/i.test(file) && at > start) return;
  throw located('JSON_COMMENT', file, text.slice(0, at), 'comments are not allowed in JSON; remove them (or write the spec in YAML, which allows # comments)');
}

function firstJsonComment(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return i;
  }
  return undefined;
}

function skipCommentsAndSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s|\ufeff/.test(text[i]!)) i++;
    if (text.startsWith('//', i)) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i) === -1 ? text.length : text.indexOf('*/', i) + 2;
    else return i;
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

function located(code: DiagnosticCode, file: string, before: string, message: string): SpecError {
  const lines = before.split('\n');
  return new SpecError([fileError(code, file, message, { line: lines.length, column: (lines.at(-1) ?? '').length + 1 })]);
}
