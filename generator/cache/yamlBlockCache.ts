// Parsed YAML blocks kept between runs (load/yamlBlocks.ts), in .cache/generate/yaml-blocks.jsonl,
// keyed by a hash of the block's text. After a spec update only the blocks whose text changed
// are parsed; the rest of the document is read back from JSON.
//
// Safe by construction: a block's value depends only on its text and on the YAML parser (the
// file is for one generator fingerprint, which covers package.json and so yaml's version, else
// ignored); a line that is not well formed is parsed again. Each entry is kept as the JSON text
// written when it was parsed, so nothing a later stage does to the document can reach the file.
// The file is replaced whole (written aside, then renamed).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlock, type BlockEntry } from '../load/yamlBlocks.ts';
import { toolFingerprint } from './fingerprint.ts';
import { replaceFile } from './replaceFile.ts';

/** Bumped whenever the file's shape or the entries' meaning changes; other formats are ignored. */
const FORMAT = 1;
export const BLOCKS_FILE = 'yaml-blocks.jsonl';
/** Entries kept: this run's first, then earlier runs', up to this many (several versions of a large spec). */
const MAX_ENTRIES = 20_000;

export class YamlBlockCache {
  /** Hash → the entry's JSON text, as read from the file. */
  private readonly earlier: Map<string, string>;
  /** Hash → the entry's JSON text, for every block this run read. */
  private readonly used = new Map<string, string>();
  /** Blocks parsed by this run (not answered from the file). */
  parsed = 0;

  constructor(
    private readonly dir: string,
    private readonly tool = toolFingerprint(),
  ) {
    this.earlier = readEntries(join(dir, BLOCKS_FILE), tool);
  }

  /** A block's entry: from the file when its text is known, else parsed (and remembered). */
  readonly read = (text: string): BlockEntry | undefined => {
    const hash = createHash('sha256').update(text).digest('base64url');
    const known = this.used.get(hash) ?? this.earlier.get(hash);
    const entry = known === undefined ? undefined : entryOf(known);
    if (entry) {
      this.used.set(hash, known!);
      return entry;
    }
    const parsed = parseBlock(text);
    this.parsed++;
    if (parsed) this.used.set(hash, JSON.stringify([parsed.key, parsed.value]));
    return parsed;
  };

  /** Writes this run's entries, then earlier ones up to MAX_ENTRIES; nothing when every block was known. */
  save(): void {
    if (this.parsed === 0) return;
    const lines = [JSON.stringify({ format: FORMAT, tool: this.tool })];
    for (const [hash, json] of this.used) lines.push(`${hash} ${json}`);
    for (const [hash, json] of this.earlier) {
      if (lines.length > MAX_ENTRIES) break;
      if (!this.used.has(hash)) lines.push(`${hash} ${json}`);
    }
    replaceFile(join(this.dir, BLOCKS_FILE), lines.join('\n') + '\n');
  }
}

/** The file's entries when it is this format and this generator's; none otherwise (missing, corrupt, stale). */
function readEntries(file: string, tool: string): Map<string, string> {
  const entries = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return entries;
  }
  const lines = text.split('\n');
  try {
    const header = JSON.parse(lines[0]!) as { format?: unknown; tool?: unknown };
    if (header.format !== FORMAT || header.tool !== tool) return entries;
  } catch {
    return entries;
  }
  for (let i = 1; i < lines.length; i++) {
    const space = lines[i]!.indexOf(' ');
    if (space > 0) entries.set(lines[i]!.slice(0, space), lines[i]!.slice(space + 1));
  }
  return entries;
}

/** An entry's JSON text as [key, value]; undefined when it is not well formed. */
function entryOf(json: string): BlockEntry | undefined {
  try {
    const entry = JSON.parse(json) as unknown;
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return undefined;
    return { key: entry[0], value: entry[1] };
  } catch {
    return undefined;
  }
}
