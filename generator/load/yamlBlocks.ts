// A YAML spec read block by block, so a regenerate after a spec update parses only the blocks
// whose text changed; the others' values come from a cache (cache/yamlBlockCache.ts).
//
// A block is one mapping entry's lines, from the end of the entry before it to the next sibling
// key: each path item under `paths`, each schema under `components/schemas`, each other
// top-level entry. Parsed on its own, keeping its indentation, a block gives a mapping of one key
// whose value is what the whole document holds there. The split is used only when that is
// certain; whatever the line scanner cannot vouch for makes readYamlBlocks answer undefined, and
// the caller parses the whole document (which also reports every error, located):
// - down to the split levels the document is block mappings: every content line at a level's
//   indentation starts a plain or quoted key (or is a compact sequence item of the entry
//   before); no tabs there, no directives, document markers or byte order mark;
// - every block parses without errors or warnings to a mapping of one key; no key repeats
//   among siblings (that is the whole parse's error to report); no key is `__proto__`;
// - an alias to an anchor in another block fails its block's parse, so blocks stand alone;
// - every value is plain JSON (no NaN, ±Infinity or -0 from `.nan`/`.inf`), as the cache holds JSON.
// Positions stay exact: a diagnostic's pointer is located in the one block that holds it, parsed
// again on demand, and shifted by the block's first line.
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { Locator } from '../diagnostics.ts';
import { parsePointer, pointerOf } from '../pointer.ts';
import { locateInYaml, MAX_ALIAS_COUNT } from './yamlDocument.ts';

/** Entries are split into their children down to this many keys below the root (`components/schemas/X` is 3). */
const MAX_DEPTH = 3;
/** An entry shorter than this many lines stays one block: splitting it saves nothing. */
const MIN_SPLIT_LINES = 40;

/** One entry's lines: `path` leads to the mapping the entry is in; its own key comes from parsing it. */
export interface YamlBlock {
  kind: 'block';
  path: string[];
  /** 0-based line of the block's first line in the document. */
  firstLine: number;
  text: string;
}

/** An entry split into its children: its key, and where its value (a block mapping) starts. */
export interface YamlMapping {
  kind: 'mapping';
  /** The keys from the root to this mapping; [] for the root. */
  path: string[];
  line: number;
  column: number;
}

/** The document's blocks and split mappings, in document order (a mapping before its children). */
export type YamlOutline = Array<YamlBlock | YamlMapping>;

/** A block's value: its one key and what it holds. */
export interface BlockEntry {
  key: string;
  value: unknown;
}

/** Where block values come from: parsing (parseBlock), or a cache in front of it. */
export type BlockReader = (text: string) => BlockEntry | undefined;

/**
 * The document's value and a locator, read block by block through `read`; undefined when the
 * text cannot be split safely or a block does not stand alone (parse the whole text instead).
 */
export function readYamlBlocks(text: string, read: BlockReader = parseBlock): { value: Record<string, unknown>; locate: Locator } | undefined {
  const outline = outlineYaml(text);
  if (!outline) return undefined;
  const root: Record<string, unknown> = {};
  const mappings = new Map<string, Record<string, unknown>>([[pointerOf([]), root]]);
  const blocks = new Map<string, YamlBlock>();
  for (const item of outline) {
    const parentPath = item.kind === 'mapping' ? item.path.slice(0, -1) : item.path;
    const parent = mappings.get(pointerOf(parentPath));
    if (!parent) return undefined;
    if (item.kind === 'mapping') {
      if (item.path.length === 0) continue;
      const child: Record<string, unknown> = {};
      if (!addEntry(parent, item.path.at(-1)!, child)) return undefined;
      mappings.set(pointerOf(item.path), child);
      continue;
    }
    const entry = read(item.text);
    if (!entry || !addEntry(parent, entry.key, entry.value)) return undefined;
    blocks.set(pointerOf([...item.path, entry.key]), item);
  }
  return { value: root, locate: blockLocator(outline, blocks) };
}

/** One block's entry when it stands alone: no errors or warnings, one key, plain JSON values. */
export function parseBlock(text: string): BlockEntry | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return undefined;
  let js: unknown;
  try {
    // No alias bombs inside one block either: the whole parse reports them, located.
    js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
  if (js === null || typeof js !== 'object' || Array.isArray(js)) return undefined;
  const keys = Object.keys(js);
  if (keys.length !== 1 || !isPlainJson(js)) return undefined;
  return { key: keys[0]!, value: (js as Record<string, unknown>)[keys[0]!] };
}

/** The blocks of a text: undefined when the scanner cannot vouch for the split. */
export function outlineYaml(text: string): YamlOutline | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const lines = scanLines(text);
  const outline: YamlOutline = [];
  const first = firstContentLine(lines, 0, lines.count);
  if (first === -1) return undefined;
  outline.push({ kind: 'mapping', path: [], line: first, column: 1 });
  return splitMapping(lines, 0, lines.count, 0, [], outline) ? outline : undefined;
}

/** The text's lines: where each starts, its indentation (-1 for blank and comment-only lines) and first character after it. */
interface Lines {
  text: string;
  count: number;
  start: Int32Array;
  indent: Int32Array;
  first: Int32Array;
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const DOT = 0x2e;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

function scanLines(text: string): Lines {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) count++;
  const lines: Lines = { text, count, start: new Int32Array(count + 1), indent: new Int32Array(count), first: new Int32Array(count) };
  let start = 0;
  for (let n = 0; n < count; n++) {
    let i = start;
    while (text.charCodeAt(i) === SPACE) i++;
    const first = i < text.length ? text.charCodeAt(i) : NEWLINE;
    lines.start[n] = start;
    lines.first[n] = first;
    lines.indent[n] = first === NEWLINE || first === RETURN || first === HASH ? -1 : i - start;
    const newline = text.indexOf('\n', i);
    start = newline === -1 ? text.length : newline + 1;
  }
  lines.start[count] = text.length;
  return lines;
}

/** Characters that may not start a key line the scanner vouches for: YAML indicators and tabs (quoted keys are fine). */
const NOT_A_KEY_START = new Set([...'-?:,[]{}&*!|>%@`\t'].map((c) => c.charCodeAt(0)));

/** Lines [from, to): the block mapping at `indent` under `path`, split into entries; false when the scanner cannot vouch for it. */
function splitMapping(lines: Lines, from: number, to: number, indent: number, path: string[], outline: YamlOutline): boolean {
  const keyLines: number[] = [];
  for (let i = from; i < to; i++) {
    const lineIndent = lines.indent[i]!;
    if (lineIndent === -1 || lineIndent > indent) continue;
    if (lineIndent < indent) return false;
    const first = lines.first[i]!;
    if (first === DASH && isSequenceDash(lines, i)) {
      if (keyLines.length === 0) return false;
      continue; // `key:` followed by `- item` at the key's own indentation
    }
    // A tab, an indicator, `---` or `...` (document markers) where a key should be is for the whole parse to judge.
    if (NOT_A_KEY_START.has(first) || (first === DOT && lines.text.startsWith('...', lines.start[i]!))) return false;
    keyLines.push(i);
  }
  if (keyLines.length === 0) return false;
  for (let n = 0; n < keyLines.length; n++) {
    const entryFrom = n === 0 ? from : keyLines[n]!;
    const entryTo = n + 1 < keyLines.length ? keyLines[n + 1]! : to;
    if (!splitEntry(lines, entryFrom, keyLines[n]!, entryTo, indent, path, outline)) return false;
  }
  return true;
}

/** One entry, lines [from, to) with its key on `keyLine`: split into its children when worth it, else one block. */
function splitEntry(lines: Lines, from: number, keyLine: number, to: number, indent: number, path: string[], outline: YamlOutline): boolean {
  const valueLine = firstContentLine(lines, keyLine + 1, to);
  const valueIndent = valueLine === -1 ? -1 : lines.indent[valueLine]!;
  const worthSplitting = path.length + 1 < MAX_DEPTH && to - keyLine >= MIN_SPLIT_LINES && valueIndent > indent && lines.first[valueLine]! !== DASH;
  const key = worthSplitting ? headerKey(lines.text.slice(lines.start[keyLine]!, lines.start[keyLine + 1]!)) : undefined;
  if (key !== undefined) {
    const childPath = [...path, key];
    const mark = outline.length;
    outline.push({ kind: 'mapping', path: childPath, line: valueLine, column: valueIndent + 1 });
    if (splitMapping(lines, keyLine + 1, to, valueIndent, childPath, outline)) return true;
    outline.length = mark; // not splittable after all: the entry is one block
  }
  const text = lines.text.slice(lines.start[from]!, lines.start[to]!);
  outline.push({ kind: 'block', path, firstLine: from, text });
  return true;
}

function firstContentLine(lines: Lines, from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines.indent[i] !== -1) return i;
  return -1;
}

/** A `-` followed by a space or the line's end: a sequence item, not a key. */
function isSequenceDash(lines: Lines, line: number): boolean {
  const next = lines.text.charCodeAt(lines.start[line]! + lines.indent[line]! + 1);
  return Number.isNaN(next) || next === SPACE || next === NEWLINE || next === RETURN;
}

/** The key of a header line `key:` with nothing after the colon but a comment, as YAML reads it; else undefined. */
function headerKey(line: string): string | undefined {
  if (!/:[ ]*(#.*)?\r?\n?$/.test(line)) return undefined;
  // A word or a path (`components:`, `/chat/completions:`) is itself; anything else is read by YAML.
  const plain = /^ *([A-Za-z_][\w.-]*|\/[\w./{}-]*):[ ]*\r?\n?$/.exec(line)?.[1];
  if (plain !== undefined && !/^(null|true|false|y|n|yes|no|on|off)$/i.test(plain)) return plain;
  const doc = parseDocument(line, { prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const js = doc.toJS() as Record<string, unknown> | null;
  const keys = js === null || typeof js !== 'object' ? [] : Object.keys(js);
  return keys.length === 1 && js![keys[0]!] === null ? keys[0] : undefined;
}

/** Adds a key to a mapping being assembled; false for a repeated key or `__proto__` (the whole parse judges those). */
function addEntry(mapping: Record<string, unknown>, key: string, value: unknown): boolean {
  if (key === '__proto__' || Object.prototype.hasOwnProperty.call(mapping, key)) return false;
  mapping[key] = value;
  return true;
}

/** True when the value is what JSON can carry unchanged: plain objects, arrays, strings, finite numbers (not -0), booleans, null. */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isPlainJson);
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
      return true;
    default:
      return false;
  }
}

/** Locates a pointer in the block holding it (parsed again on the first question), or at the split mapping it stops in. */
function blockLocator(outline: YamlOutline, blocks: Map<string, YamlBlock>): Locator {
  const mappings = new Map<string, YamlMapping>();
  for (const item of outline) if (item.kind === 'mapping') mappings.set(pointerOf(item.path), item);
  const parsed = new Map<YamlBlock, { doc: Document; lines: LineCounter }>();
  return (pointer) => {
    const segments = parsePointer(pointer);
    for (let n = Math.min(segments.length, MAX_DEPTH); n >= 0; n--) {
      const prefix = pointerOf(segments.slice(0, n));
      const block = n > 0 ? blocks.get(prefix) : undefined;
      if (block) {
        let known = parsed.get(block);
        if (!known) {
          const lines = new LineCounter();
          known = { doc: parseDocument(block.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }), lines };
          parsed.set(block, known);
        }
        const at = locateInYaml(known.doc, known.lines, segments.slice(n - 1));
        return at && { line: at.line + block.firstLine, column: at.column };
      }
      const mapping = mappings.get(prefix);
      if (mapping) return { line: mapping.line + 1, column: mapping.column };
    }
    return undefined;
  };
}
