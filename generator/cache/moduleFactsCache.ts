// Postprocess facts kept between runs: what each rendered TypeScript module exports and whether
// it parses (postprocess/moduleFacts.ts), in .cache/generate/module-facts.json, keyed by a hash
// of the module's path and text. A regenerate after a spec update parses only the modules whose
// text changed; when none did, TypeScript is not even loaded.
//
// Safe by construction: facts depend only on a module's path and text and on the generator
// (the file is for one generator fingerprint, else ignored); an entry that is not well formed
// is parsed again; the file is replaced whole (written aside, then renamed).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModuleParser, type FactsSource, type ModuleFacts } from '../postprocess/moduleFacts.ts';
import { toolFingerprint } from './fingerprint.ts';
import { replaceFile } from './replaceFile.ts';

/** Bumped whenever the file's shape or the facts' meaning changes; other formats are ignored. */
const FORMAT = 1;
export const FACTS_FILE = 'module-facts.json';
/** Entries kept: this run's first, then earlier runs', up to this many (a few spec versions of the full OpenAI spec). */
const MAX_ENTRIES = 20_000;

export class ModuleFactsCache implements FactsSource {
  private readonly earlier: Map<string, unknown>;
  private readonly used = new Map<string, ModuleFacts>();
  /** Modules parsed by this run (not answered from the file). */
  parsed = 0;

  constructor(
    private readonly dir: string,
    private readonly parser: FactsSource = new ModuleParser(),
    private readonly tool = toolFingerprint(),
  ) {
    this.earlier = readEntries(join(dir, FACTS_FILE), tool);
  }

  factsOf(path: string, text: string): ModuleFacts {
    const key = keyOf(path, text);
    const facts = this.known(key) ?? this.parse(path, text);
    this.used.set(key, facts);
    return facts;
  }

  knownFacts(path: string, text: string): ModuleFacts | undefined {
    const key = keyOf(path, text);
    const facts = this.known(key);
    if (facts) this.used.set(key, facts);
    return facts;
  }

  learn(path: string, text: string, facts: ModuleFacts): void {
    this.used.set(keyOf(path, text), facts);
    this.parsed++;
  }

  private known(key: string): ModuleFacts | undefined {
    const known = this.used.get(key) ?? this.earlier.get(key);
    return isFacts(known) ? known : undefined;
  }

  private parse(path: string, text: string): ModuleFacts {
    this.parsed++;
    return this.parser.factsOf(path, text);
  }

  /** Writes this run's facts, then earlier ones up to MAX_ENTRIES; nothing when every module was known. */
  save(): void {
    if (this.parsed === 0) return;
    const entries: Record<string, unknown> = {};
    let count = 0;
    for (const [key, facts] of [...this.used, ...this.earlier]) {
      if (count >= MAX_ENTRIES) break;
      if (key in entries) continue;
      entries[key] = facts;
      count++;
    }
    replaceFile(join(this.dir, FACTS_FILE), JSON.stringify({ format: FORMAT, tool: this.tool, entries }));
  }
}

const keyOf = (path: string, text: string) => createHash('sha256').update(`${path}\0${text}`).digest('base64url');

/** The file's entries when it is this format and this generator's; none otherwise (missing, corrupt, stale). */
function readEntries(file: string, tool: string): Map<string, unknown> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; tool?: unknown; entries?: unknown };
    if (data.format !== FORMAT || data.tool !== tool || typeof data.entries !== 'object' || data.entries === null) return new Map();
    return new Map(Object.entries(data.entries));
  } catch {
    return new Map();
  }
}

const isStringArray = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isFacts(value: unknown): value is ModuleFacts {
  const f = value as Partial<Record<keyof ModuleFacts, unknown>> | null | undefined;
  if (typeof f !== 'object' || f === null || !isStringArray(f.problems) || !Array.isArray(f.exports) || !Array.isArray(f.reexports)) return false;
  const isExport = (e: { name?: unknown; typeOnly?: unknown; signature?: unknown }) => typeof e?.name === 'string' && typeof e.typeOnly === 'boolean' && typeof e.signature === 'string';
  const isName = (n: { name?: unknown; as?: unknown; typeOnly?: unknown }) => typeof n?.name === 'string' && typeof n.as === 'string' && typeof n.typeOnly === 'boolean';
  const isReExport = (r: { from?: unknown; typeOnly?: unknown; names?: unknown }) => typeof r?.from === 'string' && typeof r.typeOnly === 'boolean' && Array.isArray(r.names) && r.names.every(isName);
  return f.exports.every(isExport) && f.reexports.every(isReExport);
}
