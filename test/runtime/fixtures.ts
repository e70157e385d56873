// A recorded chat-completion style stream used by the split tests.
export const CHUNKS = [
  { id: 'c1', choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] },
  { id: 'c1', choices: [{ index: 0, delta: { content: 'héllo 👋' } }] },
  { id: 'c1', choices: [{ index: 0, delta: { content: ' — 日本語 ✓' } }] },
  { id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
];

export type LineEnding = '\n' | '\r\n' | '\r';
export const LINE_ENDINGS: LineEnding[] = ['\n', '\r\n', '\r'];

/** The stream text with comments, an id and a retry field mixed in. */
export function recordedStream(eol: LineEnding): string {
  const lines: string[] = [': keep-alive', 'retry: 1500', ''];
  CHUNKS.forEach((chunk, i) => {
    lines.push(`id: ${i}`, `data: ${JSON.stringify(chunk)}`, '');
  });
  lines.push('data: [DONE]', '');
  return lines.join(eol) + eol;
}

export function recordedBytes(eol: LineEnding): Uint8Array {
  return new TextEncoder().encode(recordedStream(eol));
}

/** Splits bytes at the given offsets (ascending). */
export function splitAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const offset of offsets) {
    parts.push(bytes.subarray(start, offset));
    start = offset;
  }
  parts.push(bytes.subarray(start));
  return parts;
}
