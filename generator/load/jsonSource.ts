// JSON specs read without a syntax tree. `yaml`'s parseDocument keeps a node object per value
// (gigabytes for Microsoft Graph's 47 MB), only so a diagnostic can name a line. Valid JSON is
// valid YAML with the same value, so a text JSON.parse accepts is read that way, and a JSON
// pointer's line and column are found in the text when a diagnostic asks (JsonPositions).
// Whatever JSON.parse refuses, and a duplicate key (which JSON.parse silently merges and YAML
// refuses), goes through the YAML path, which reports it located as before.
import type { Locator } from '../diagnostics.ts';
import { parsePointer } from '../pointer.ts';

/** The value of a JSON text and a locator for its pointers; undefined when the YAML path must read it. */
export function parseJson(text: string): { value: unknown; locate: Locator } | undefined {
  const first = text.charCodeAt(skipSpace(text, 0));
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Every `:` outside strings separates a key from its value: fewer keys parsed means a key was repeated.
  if (countMembersInText(text) !== countMembersInValue(value)) return undefined;
  const positions = new JsonPositions(text);
  return { value, locate: (pointer) => positions.locate(pointer) };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const NEWLINE = 0x0a;

/**
 * Line and column of any JSON pointer in a JSON text, as YAML's syntax tree gave them: where the
 * named value starts, or its nearest existing ancestor. Each container on a pointer's way is
 * scanned once and its members' offsets kept, so a run's diagnostics cost a few passes over the
 * text at most, and memory only for the containers they lead through.
 */
export class JsonPositions {
  /** Container offset → each member's key (or index) → the offset where its value starts. */
  private readonly members = new Map<number, Map<string, number>>();
  /** Offsets where each line starts; built on the first question. */
  private lineStarts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  locate(pointer: string): { line: number; column: number } {
    let at = skipSpace(this.text, 0);
    for (const segment of parsePointer(pointer)) {
      const next = this.membersOf(at)?.get(segment);
      if (next === undefined) break;
      at = next;
    }
    return this.lineAndColumn(at);
  }

  /** The members of the object or array starting at `at`; undefined for a scalar. */
  private membersOf(at: number): Map<string, number> | undefined {
    const known = this.members.get(at);
    if (known) return known;
    const open = this.text.charCodeAt(at);
    if (open !== OPEN_OBJECT && open !== OPEN_ARRAY) return undefined;
    const found = open === OPEN_OBJECT ? this.scanObject(at) : this.scanArray(at);
    this.members.set(at, found);
    return found;
  }

  private scanObject(at: number): Map<string, number> {
    const text = this.text;
    const found = new Map<string, number>();
    let i = skipSpace(text, at + 1);
    while (text.charCodeAt(i) === QUOTE) {
      const keyEnd = stringEnd(text, i);
      const key = readKey(text, i, keyEnd);
      const valueAt = skipSpace(text, skipSpace(text, keyEnd + 1) + 1); // past the `:`
      if (!found.has(key)) found.set(key, valueAt);
      i = skipSpace(text, skipValue(text, valueAt));
      if (text.charCodeAt(i) === COMMA) i = skipSpace(text, i + 1);
    }
    return found;
  }

  private scanArray(at: number): Map<string, number> {
    const text = this.text;
    const found = new Map<string, number>();
    let i = skipSpace(text, at + 1);
    for (let index = 0; i < text.length && text.charCodeAt(i) !== CLOSE_ARRAY; index++) {
      found.set(String(index), i);
      i = skipSpace(text, skipValue(text, i));
      if (text.charCodeAt(i) === COMMA) i = skipSpace(text, i + 1);
    }
    return found;
  }

  private lineAndColumn(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function lineStartsOf(text: string): Uint32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Uint32Array(count);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  return starts;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    // JSON's whitespace, and a byte-order mark before the first value.
    if (c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09 || c === 0xfeff) i++;
    else return i;
  }
}

/** The offset of the quote closing the string that opens at `at`. */
function stringEnd(text: string, at: number): number {
  for (let i = text.indexOf('"', at + 1); i >= 0; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return text.length;
}

function readKey(text: string, open: number, close: number): string {
  const raw = text.slice(open, close + 1);
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/** The offset just past the value starting at `at`. */
function skipValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return stringEnd(text, at) + 1;
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
    let i = at;
    for (let c = text.charCodeAt(i); i < text.length && c !== COMMA && c !== CLOSE_OBJECT && c !== CLOSE_ARRAY && c !== 0x20 && c !== NEWLINE && c !== 0x0d && c !== 0x09; c = text.charCodeAt(++i));
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(text, i);
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return i + 1;
  }
  return text.length;
}

function countMembersInText(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(text, i);
    else if (c === COLON) count++;
  }
  return count;
}

function countMembersInValue(root: unknown): number {
  let count = 0;
  // A list, not recursion: a deeply nested document must not overflow the stack.
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    for (const key in value) {
      count++;
      pending.push((value as Record<string, unknown>)[key]);
    }
  }
  return count;
}
