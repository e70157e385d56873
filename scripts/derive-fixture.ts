// Derives a test fixture from one of OpenAI's published specs: the structure (paths, operations,
// parameters, schemas, names, enums, titles, formats, defaults, security) is fact and stays; every
// prose string is replaced by a short placeholder derived from a hash of the original, so the
// project holds no third-party prose while a prose change between two versions still shows.
//
// The rewrite works on yaml's concrete syntax tree, token by token, so it also handles a spec
// whose YAML is broken: everything around the prose is kept byte for byte, and the error stays.
//
//   npm run derive-fixtures            re-derive every fixture listed in versions.tsv from ../shared
//   npm run derive-fixtures -- FILE    print the fixture of one spec (YAML, optionally gzipped) to stdout
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CST, Parser, parse } from 'yaml';
import { REPO_ROOT } from '../generator/files.ts';

type Token = CST.Token;
type CollectionItem = CST.CollectionItem;

/** What a subtree of the spec holds, which decides whether its string leaves are prose. */
type Context =
  | { kind: 'keywords' } // an OpenAPI or JSON Schema object: its keys are keywords
  | { kind: 'names' } // a map whose keys are names (`properties`): each value is a keywords object
  | { kind: 'prose'; keep: ReadonlySet<string> }; // every string leaf is prose, but under the keys in `keep`

const KEYWORDS: Context = { kind: 'keywords' };
const NAMES: Context = { kind: 'names' };

/** Keywords whose string value is prose wherever they appear as a keyword. */
const PROSE_KEYWORDS = new Set(['description', 'summary']);
/** Keywords whose whole value is prose (sample data, documentation metadata), with the keys whose strings are references or identifiers. */
const SAMPLE: Context = { kind: 'prose', keep: new Set(['$ref', 'externalValue']) };
const DOC_METADATA: Context = { kind: 'prose', keep: new Set(['id', 'key', 'path', 'type', 'group', 'navigationGroup', 'title']) };
const PROSE_SUBTREES = new Map<string, Context>([
  ['example', SAMPLE],
  ['examples', SAMPLE],
  ['x-oaiMeta', DOC_METADATA],
]);
/** Keywords whose value maps names to schemas: a key there is a name, never a keyword. */
const NAME_MAPS = new Set(['properties', 'patternProperties']);

/** The placeholder for one prose string: short, plain, and different when the text differs. */
export function placeholder(text: string): string {
  return `prose-${createHash('sha256').update(text).digest('hex').slice(0, 6)}`;
}

/** The spec text with every prose string and comment replaced; structure and layout kept. */
export function deriveFixture(yamlText: string): string {
  const tokens = [...new Parser().parse(yamlText)];
  for (const token of tokens) {
    if (token.type === 'document' && token.value) rewrite(token.value, KEYWORDS, false);
    replaceComments(token);
  }
  return tokens.map((t) => CST.stringify(t)).join('');
}

/** Comments are prose wherever they sit; they are source tokens anywhere in the tree. */
function replaceComments(node: unknown): void {
  if (Array.isArray(node)) for (const child of node) replaceComments(child);
  else if (typeof node === 'object' && node !== null) {
    const token = node as { type?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.source === 'string') token.source = `# ${placeholder(token.source.replace(/^#\s*/, ''))}`;
    else for (const child of Object.values(node)) replaceComments(child);
  }
}

function rewrite(token: Token, context: Context, inFlow: boolean, afterKey = false): void {
  switch (token.type) {
    case 'block-map':
    case 'flow-collection':
      rewriteItems(token.items, context, inFlow || token.type === 'flow-collection');
      return;
    case 'block-seq':
      for (const item of token.items) if (item.value) rewrite(item.value, context, inFlow);
      return;
    default:
      if (context.kind === 'prose' && isStringScalar(token)) replaceScalar(token, inFlow, afterKey);
  }
}

function rewriteItems(items: CollectionItem[], context: Context, inFlow: boolean): void {
  for (const item of items) {
    if (!item.value) continue;
    // A flow sequence's items have no key; they inherit the collection's context.
    const key = item.key ? keyText(item.key) : undefined;
    if (key === undefined) {
      rewrite(item.value, context, inFlow);
      continue;
    }
    const afterKey = !inFlow;
    if (context.kind === 'names') rewrite(item.value, KEYWORDS, inFlow, afterKey);
    else if (context.kind === 'prose') {
      if (!context.keep.has(key)) rewrite(item.value, context, inFlow, afterKey);
    } else if (PROSE_KEYWORDS.has(key)) {
      if (isStringScalar(item.value)) replaceScalar(item.value, inFlow, afterKey);
    } else rewrite(item.value, PROSE_SUBTREES.get(key) ?? (NAME_MAPS.has(key) ? NAMES : KEYWORDS), inFlow, afterKey);
  }
}

function keyText(key: Token): string | undefined {
  return CST.isScalar(key) ? CST.resolveAsScalar(key)?.value : undefined;
}

/** Quoted and block scalars are strings; a plain one only when YAML does not read it as null, a number or a boolean. */
function isStringScalar(token: Token): token is CST.FlowScalar | CST.BlockScalar {
  if (!CST.isScalar(token)) return false;
  if (token.type !== 'scalar') return true;
  try {
    return typeof parse(token.source) === 'string';
  } catch {
    return false;
  }
}

function replaceScalar(token: CST.FlowScalar | CST.BlockScalar, inFlow: boolean, afterKey: boolean): void {
  const original = CST.resolveAsScalar(token)?.value ?? token.source;
  CST.setScalarValue(token, placeholder(original), { afterKey, inFlow, type: 'PLAIN' });
}

// ---------------------------------------------------------------------------------------------
// Command line: the committed fixtures, re-derived from the larger corpus in ../shared.

/** The committed fixtures and their versions.tsv. */
export const FIXTURE_DIR = path.join(REPO_ROOT, 'test/fixtures/specs/openai');
/** The optional corpus of every published version, beside the checkout only in the project's workplace. */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/specs/openai');

/** A spec's text, gunzipped when its name ends in .gz. */
export function readSpecText(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

export interface VersionRow {
  file: string;
  date: string;
}

/** The rows of a versions.tsv (file, date, then upstream details), header skipped, in file order. */
export function readVersions(tsv: string): VersionRow[] {
  return readFileSync(tsv, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [file, date] = line.split('\t');
      return { file: file!, date: date! };
    });
}

function deriveAll(): void {
  if (!existsSync(CORPUS_DIR)) throw new Error(`derive-fixtures: the source corpus ${CORPUS_DIR} is missing; it sits beside the checkout.`);
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const { file: name } of readVersions(path.join(FIXTURE_DIR, 'versions.tsv'))) {
    const fixture = deriveFixture(readSpecText(path.join(CORPUS_DIR, name)));
    writeFileSync(path.join(FIXTURE_DIR, name), gzipSync(fixture, { level: 9 }));
    console.log(`${name}: ${Buffer.byteLength(fixture)} bytes of YAML`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (file) process.stdout.write(deriveFixture(readSpecText(file)));
  else deriveAll();
}
