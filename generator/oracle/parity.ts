// Parity between openapi-generator's Ruby client and our TypeScript tree: the same API
// classes, operations, models and docs, compared by name.
//
// Ruby side: lib/<gem>/api/chat_api.rb (class ChatApi; def create_chat_completion( and
// def create_chat_completion_with_http_info(), lib/<gem>/models/*.rb (the class or module
// declared inside), docs/*.md.
// Our side: src/apis/ChatApi.ts (export class ChatApi extends BaseApi; createChatCompletion(
// and createChatCompletionWithHttpInfo(), src/models/<Name>.ts, docs/<Name>.md.

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../files.ts';

export const CATEGORIES = ['apis', 'operations', 'models', 'docs'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Names per category, in our naming: operations as `ChatApi.createChatCompletion`. */
export type Inventory = Record<Category, string[]>;

export interface CategoryParity {
  ruby: number;
  ours: number;
  /** Exact name matches. */
  matched: number;
  /** Pairs equal only once case, `_` and `-` are ignored; not counted in `matched`. */
  matchedByNormalization: Array<{ ruby: string; ours: string }>;
  missingOnOurSide: string[];
  extraOnOurSide: string[];
  /** matched / ruby × 100, rounded down to 2 decimals (100 only when nothing is missing). */
  percent: number;
  /** As percent, counting the normalization matches too. */
  percentWithNormalization: number;
}

export interface ParityReport {
  categories: Record<Category, CategoryParity>;
}

/** `create_chat_completion_with_http_info` → `createChatCompletionWithHttpInfo`. */
export function rubyMethodToOurs(name: string): string {
  const words = name.split('_').filter(Boolean);
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

/** `chat_api.rb` → `ChatApi`, used only when a file declares no class. */
function camelFromFile(file: string): string {
  return path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** The files of a flat folder (api/, models/, docs/) whose names end in `ext`; none when it is missing. */
async function filesEndingIn(dir: string, ext: string): Promise<string[]> {
  return existsSync(dir) ? listFiles(dir).filter((file) => file.endsWith(ext)) : [];
}

/** The gem folder under lib/ that holds api/ or models/ (lib/openapi_openai for our options). */
async function rubyGemDir(rubyDir: string): Promise<string | undefined> {
  const lib = path.join(rubyDir, 'lib');
  if (!existsSync(lib)) return undefined;
  const entries = await readdir(lib, { withFileTypes: true });
  const gem = entries.find(
    (e) => e.isDirectory() && (existsSync(path.join(lib, e.name, 'api')) || existsSync(path.join(lib, e.name, 'models'))),
  );
  return gem ? path.join(lib, gem.name) : undefined;
}

/** First class or module declared inside the gem's top-level module. */
function rubyDeclaredName(source: string): string | undefined {
  return /^[ \t]+(?:class|module)[ \t]+([A-Z]\w*)/m.exec(source)?.[1];
}

const RUBY_DEF = /^[ \t]+def[ \t]+([a-z_][a-z0-9_]*[?!]?)[ \t]*(?:\(|$)/gm;

export async function readRubyInventory(rubyDir: string): Promise<Inventory> {
  const inv: Inventory = { apis: [], operations: [], models: [], docs: [] };
  const gem = await rubyGemDir(rubyDir);
  if (gem) {
    for (const file of await filesEndingIn(path.join(gem, 'api'), '.rb')) {
      const source = await readFile(file, 'utf8');
      const cls = rubyDeclaredName(source) ?? camelFromFile(file);
      inv.apis.push(cls);
      for (const m of source.matchAll(RUBY_DEF)) {
        if (m[1] === 'initialize') continue;
        inv.operations.push(`${cls}.${rubyMethodToOurs(m[1]!)}`);
      }
    }
    for (const file of await filesEndingIn(path.join(gem, 'models'), '.rb')) {
      inv.models.push(rubyDeclaredName(await readFile(file, 'utf8')) ?? camelFromFile(file));
    }
  }
  inv.docs = (await filesEndingIn(path.join(rubyDir, 'docs'), '.md')).map((f) => path.basename(f, '.md'));
  return sortUnique(inv);
}

const TS_CLASS = /^([ \t]*)export[ \t]+(?:default[ \t]+)?(?:abstract[ \t]+)?class[ \t]+([A-Za-z_$][\w$]*)[^\n]*$/gm;
const TS_METHOD =
  /^(?:public[ \t]+)?(?:static[ \t]+)?(?:override[ \t]+)?(?:async[ \t]+)?\*?[ \t]*([A-Za-z_$][\w$]*)[ \t]*(?:<[^\n]*?>)?[ \t]*\(/;
const NOT_METHODS = new Set(['constructor', 'if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'super']);

/**
 * Public methods of each exported class, read from the lines at the class's member
 * indentation (so calls inside method bodies are not taken for methods).
 */
export function tsClassMethods(source: string): Array<{ name: string; methods: string[] }> {
  const classes: Array<{ name: string; methods: string[] }> = [];
  const lines = source.split(/\r?\n/);
  for (const m of source.matchAll(TS_CLASS)) {
    const indent = m[1]!;
    const startLine = source.slice(0, m.index).split('\n').length - 1;
    let memberIndent: string | undefined;
    const methods = new Set<string>();
    for (let i = startLine + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') continue;
      if (line.startsWith(indent + '}') && !line.startsWith(indent + ' ') && !line.startsWith(indent + '\t')) break;
      const lead = /^[ \t]*/.exec(line)![0];
      memberIndent ??= lead;
      if (lead !== memberIndent) continue;
      const body = line.slice(lead.length);
      if (/^(?:private|protected)\b|^#/.test(body)) continue;
      const mm = TS_METHOD.exec(body);
      if (mm && !NOT_METHODS.has(mm[1]!)) methods.add(mm[1]!);
    }
    classes.push({ name: m[2]!, methods: [...methods] });
  }
  return classes;
}

export async function readOursInventory(oursDir: string): Promise<Inventory> {
  const inv: Inventory = { apis: [], operations: [], models: [], docs: [] };
  for (const file of await filesEndingIn(path.join(oursDir, 'src', 'apis'), '.ts')) {
    if (/(^|\/)index\.ts$/.test(file) || file.endsWith('.test.ts') || file.endsWith('.d.ts')) continue;
    for (const cls of tsClassMethods(await readFile(file, 'utf8'))) {
      if (cls.name === 'BaseApi') continue;
      inv.apis.push(cls.name);
      for (const method of cls.methods) inv.operations.push(`${cls.name}.${method}`);
    }
  }
  inv.models = (await filesEndingIn(path.join(oursDir, 'src', 'models'), '.ts'))
    .map((f) => path.basename(f, '.ts'))
    .filter((n) => n !== 'index' && !n.endsWith('.test') && !n.endsWith('.d'));
  inv.docs = (await filesEndingIn(path.join(oursDir, 'docs'), '.md')).map((f) => path.basename(f, '.md'));
  return sortUnique(inv);
}

function sortUnique(inv: Inventory): Inventory {
  const out = {} as Inventory;
  for (const c of CATEGORIES) out[c] = [...new Set(inv[c])].sort();
  return out;
}

/** Case-, `_`- and `-`-insensitive form of a name (the `.` between class and method stays). */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, '');
}

function floor2(x: number): number {
  return Math.floor(x * 100 + 1e-9) / 100;
}

export function compareCategory(ruby: string[], ours: string[]): CategoryParity {
  const oursSet = new Set(ours);
  const rubySet = new Set(ruby);
  const matched = ruby.filter((r) => oursSet.has(r));
  const rubyLeft = ruby.filter((r) => !oursSet.has(r));
  const oursLeft = ours.filter((o) => !rubySet.has(o));
  const byNorm = new Map<string, string[]>();
  for (const o of oursLeft) {
    const k = normalizeName(o);
    byNorm.set(k, [...(byNorm.get(k) ?? []), o]);
  }
  const normalized: Array<{ ruby: string; ours: string }> = [];
  const missing: string[] = [];
  for (const r of rubyLeft) {
    const candidates = byNorm.get(normalizeName(r));
    const o = candidates?.shift();
    if (o === undefined) missing.push(r);
    else normalized.push({ ruby: r, ours: o });
  }
  const pairedOurs = new Set(normalized.map((p) => p.ours));
  const extra = oursLeft.filter((o) => !pairedOurs.has(o));
  const total = ruby.length;
  return {
    ruby: total,
    ours: ours.length,
    matched: matched.length,
    matchedByNormalization: normalized,
    missingOnOurSide: missing,
    extraOnOurSide: extra,
    percent: total === 0 ? 100 : floor2((matched.length / total) * 100),
    percentWithNormalization: total === 0 ? 100 : floor2(((matched.length + normalized.length) / total) * 100),
  };
}

export function compareInventories(ruby: Inventory, ours: Inventory): ParityReport {
  const categories = {} as Record<Category, CategoryParity>;
  for (const c of CATEGORIES) categories[c] = compareCategory(ruby[c], ours[c]);
  return { categories };
}

function cell(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function listPreview(items: string[], max: number): string {
  if (items.length === 0) return '-';
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, … (+${items.length - max})` : shown;
}

/** A plain-text table with one row per category, then the differences (lists cut to `max`). */
export function formatParityTable(report: ParityReport, max = 8): string {
  const header = ['category', 'ruby', 'ours', 'matched', 'normalized', 'missing', 'extra', '%'];
  const rows = CATEGORIES.map((c) => {
    const p = report.categories[c];
    return [
      c,
      String(p.ruby),
      String(p.ours),
      String(p.matched),
      String(p.matchedByNormalization.length),
      String(p.missingOnOurSide.length),
      String(p.extraOnOurSide.length),
      p.percent.toFixed(2),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2);
  const line = (r: string[]): string => r.map((x, i) => cell(x, widths[i]!)).join('').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w - 2))), ...rows.map(line)];
  for (const c of CATEGORIES) {
    const p = report.categories[c];
    if (p.missingOnOurSide.length) out.push(`${c} missing on our side (${p.missingOnOurSide.length}): ${listPreview(p.missingOnOurSide, max)}`);
    if (p.extraOnOurSide.length) out.push(`${c} extra on our side (${p.extraOnOurSide.length}): ${listPreview(p.extraOnOurSide, max)}`);
    if (p.matchedByNormalization.length) {
      const pairs = p.matchedByNormalization.map((x) => `${x.ruby}~${x.ours}`);
      out.push(`${c} matched by normalization (${pairs.length}): ${listPreview(pairs, max)}`);
    }
  }
  return out.join('\n');
}
