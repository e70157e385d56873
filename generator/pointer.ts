// RFC 6901 JSON pointers: building, parsing and following them in a plain document.
import { memoizeText } from './memo.ts';

// Pointers are built and parsed for every schema and reference of a spec (millions on Microsoft
// Graph): a segment with nothing to escape or decode, nearly all of them, is passed through as is.

export function escapePointerSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return escapeSegmentText(segment);
}

// Memoized: the segments that need escaping are the paths (`/users/{user-id}/...`), and each
// operation's pointers are built from its path a dozen times over.
const escapeSegmentText = memoizeText((text) => text.replace(/~/g, '~0').replace(/\//g, '~1'));

export function pointerOf(segments: ReadonlyArray<string | number>): string {
  if (segments.length === 0) return '';
  // join, not +=: the pointer is kept for every schema, and += would keep each as a chain of pieces.
  return '/' + segments.map(escapePointerSegment).join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray `%` in a key is kept as written
  }
}

/** The segments of `#/a/b` or `/a/b`, unescaped. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map(unescapeSegment);
}

function unescapeSegment(segment: string): string {
  if (!segment.includes('%') && !segment.includes('~')) return segment;
  return safeDecode(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The node a pointer (`#/a/b` or `/a/b`) names in a plain document, or undefined. */
export function resolvePointer(document: unknown, ref: string): unknown {
  let node: unknown = document;
  for (const segment of parsePointer(ref)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (node !== null && typeof node === 'object') node = Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
    else return undefined;
  }
  return node;
}
