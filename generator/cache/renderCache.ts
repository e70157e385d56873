// Render results kept between runs (render/render.ts's RenderMemo): each template's compiled code,
// keyed by a hash of its text and the compiler, and the texts of each model's files, keyed by a
// hash of its IR node (all a model's files are made from), in .cache/generate/rendered-<folder>.json,
// one file per output folder. A regenerate after a spec update builds the view of, and renders,
// only the models that changed; a fresh process compiles no template.
//
// Safe by construction: an answer depends only on its key and on the generator (the file is for
// one generator fingerprint, else ignored); an entry that is not well formed is made again; the
// file is replaced whole (written aside, then renamed). Keys hash what is read exactly, so a
// changed node is a new key: it renders again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RenderMemo } from '../render/render.ts';
import { toolFingerprint } from './fingerprint.ts';
import { replaceFile } from './replaceFile.ts';

/** Bumped whenever the file's shape or the entries' meaning changes; other formats are ignored. */
const FORMAT = 1;
/** Output folders whose renders are kept; the least recently written go first. */
const MAX_FOLDERS = 10;
const FILE_PREFIX = 'rendered-';

interface Entries {
  templates: Map<string, unknown>;
  texts: Map<string, unknown>;
}

export class RenderCache implements RenderMemo {
  private readonly file: string;
  private readonly earlier: Entries;
  private readonly used: { templates: Map<string, string>; texts: Map<string, string[]> } = { templates: new Map(), texts: new Map() };
  /** Units rendered (and templates compiled) by this run, not answered from the file. */
  made = 0;

  constructor(
    private readonly dir: string,
    outDir: string,
    private readonly tool = toolFingerprint(),
  ) {
    this.file = renderFileOf(dir, outDir);
    this.earlier = readEntries(this.file, tool);
  }

  templateCode(key: string, make: () => string): string {
    return this.answer(this.used.templates, this.earlier.templates, key, isString, make);
  }

  texts(key: string, count: number, make: () => string[]): string[] {
    const isTexts = (value: unknown): value is string[] => Array.isArray(value) && value.length === count && value.every(isString);
    return this.answer(this.used.texts, this.earlier.texts, key, isTexts, make);
  }

  /**
   * Writes this run's entries, then earlier ones (a spec version before) up to as many again;
   * nothing when every answer was known.
   */
  save(): void {
    if (this.made === 0) return;
    const keep = <T>(used: Map<string, T>, earlier: Map<string, unknown>) => {
      const entries: Record<string, unknown> = Object.fromEntries(used);
      let room = used.size;
      for (const [key, value] of earlier) {
        if (room === 0) break;
        if (key in entries) continue;
        entries[key] = value;
        room--;
      }
      return entries;
    };
    const data = { format: FORMAT, tool: this.tool, templates: keep(this.used.templates, this.earlier.templates), texts: keep(this.used.texts, this.earlier.texts) };
    replaceFile(this.file, JSON.stringify(data));
    pruneFolders(this.dir);
  }

  private answer<T>(used: Map<string, T>, earlier: Map<string, unknown>, key: string, isValid: (value: unknown) => value is T, make: () => T): T {
    const known = used.get(key) ?? earlier.get(key);
    let value: T;
    if (isValid(known)) value = known;
    else {
      value = make();
      this.made++;
    }
    used.set(key, value);
    return value;
  }
}

/** The cache file of one output folder. */
export function renderFileOf(dir: string, outDir: string): string {
  return join(dir, `${FILE_PREFIX}${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16)}.json`);
}

/** The file's entries when it is this format and this generator's; none otherwise (missing, corrupt, stale). */
function readEntries(file: string, tool: string): Entries {
  const none = { templates: new Map(), texts: new Map() };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; tool?: unknown; templates?: unknown; texts?: unknown };
    if (data.format !== FORMAT || data.tool !== tool || !isObject(data.templates) || !isObject(data.texts)) return none;
    return { templates: new Map(Object.entries(data.templates)), texts: new Map(Object.entries(data.texts)) };
  } catch {
    return none;
  }
}

/** Keeps the files of the MAX_FOLDERS output folders rendered last. */
function pruneFolders(dir: string): void {
  const files = readdirSync(dir)
    .filter((name) => name.startsWith(FILE_PREFIX) && name.endsWith('.json'))
    .map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of files.slice(MAX_FOLDERS)) rmSync(join(dir, old.name), { force: true });
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';
