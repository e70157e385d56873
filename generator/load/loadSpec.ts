// Stage 1: read the spec file (YAML or JSON, optionally gzipped) into a plain OpenAPI 3.x document
// (Swagger 2.0 is converted), with a locator that turns any JSON pointer into a line: from the
// YAML syntax tree, or for JSON from the text itself (jsonSource.ts).
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isAlias, isCollection, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { Diagnostics, fileError, type DiagnosticCode, type Locator } from '../diagnostics.ts';
import { SpecError } from '../errors.ts';
import { parsePointer } from '../pointer.ts';
import { bundle, type SpecFile } from './bundle.ts';
import { parseJson } from './jsonSource.ts';
import { convertSwagger2, isSwagger2, swagger2Locator } from './swagger2.ts';
import { decodeSpec, rejectJsonComments } from './specText.ts';
import { readYamlBlocks, type BlockReader } from './yamlBlocks.ts';
import { locateInYaml, MAX_ALIAS_COUNT } from './yamlDocument.ts';

/**
 * The largest spec read, in bytes, counted after decompressing a `.gz` (while inflating, so a
 * small file that inflates to gigabytes stops at the limit). OpenAI's spec is about 3 MB and
 * peaks near 400 MB of memory; a 10.8 MB spec (its schemas five times over) peaked at 730 MB,
 * so 16 MB stays near 1 GB. `--max-spec-size` raises it.
 */
export const DEFAULT_MAX_SPEC_BYTES = 16 * 1024 * 1024;

export interface LoadOptions {
  /** Refuse a spec larger than this many bytes (decompressed); default DEFAULT_MAX_SPEC_BYTES. */
  maxSpecBytes?: number | undefined;
  /** Where a YAML block's value comes from (a cache of earlier runs); by default each block is parsed. */
  readBlock?: BlockReader | undefined;
}

export interface LoadedSpec {
  file: string;
  document: Record<string, unknown>;
  locate: Locator;
  /** Every file read: the spec file, then the files its `$ref`s named. */
  files: string[];
  /** The size of those files together (decompressed), in bytes. */
  bytes: number;
}

/** The spec file and every local file its `$ref`s name, bundled into one document (see bundle.ts). */
export function loadSpec(file: string, options: LoadOptions = {}): LoadedSpec {
  const text = readSpecText(file, options);
  const root = parseSpecText(text, file, options.readBlock);
  const limit = options.maxSpecBytes ?? DEFAULT_MAX_SPEC_BYTES;
  let total = root.bytes; // the root file's, counted by parseSpecText
  const files = [file];
  const read = (other: string): SpecFile => {
    files.push(other);
    const otherText = readSpecText(other, options);
    total += Buffer.byteLength(otherText);
    // The limit bounds the whole spec, not each file: many files just under it are refused too.
    if (total > limit) throw new SpecError([fileError('SPEC_TOO_LARGE', other, `the spec's files together are larger than ${formatSize(limit)}, the limit: raise it with --max-spec-size if the spec is meant to be this large`)]);
    return { file: other, ...parseLocated(otherText, other, options.readBlock) };
  };
  const bundled = bundle({ root: { file, value: root.document, locate: root.locate }, read });
  return { file, document: bundled.document, locate: bundled.locate, files, bytes: total };
}

/** The spec's text, decompressed when the name ends in `.gz`; a spec above the size limit is refused in one sentence. */
export function readSpecText(file: string, options: LoadOptions = {}): string {
  const limit = options.maxSpecBytes ?? DEFAULT_MAX_SPEC_BYTES;
  const refuse = (code: DiagnosticCode, message: string) => new SpecError([fileError(code, file, message)]);
  const tooLarge = (what: string) => refuse('SPEC_TOO_LARGE', `the spec ${what} ${formatSize(limit)}, the limit: raise it with --max-spec-size if the spec is meant to be this large`);
  let raw: Buffer;
  try {
    if (statSync(file).size > limit) throw tooLarge('is larger than');
    raw = readFileSync(file);
  } catch (err) {
    if (err instanceof SpecError) throw err;
    throw refuse('SPEC_UNREADABLE', `cannot read the spec: ${(err as Error).message}`);
  }
  if (!file.endsWith('.gz')) return decodeSpec(raw, file);
  let inflated: Buffer;
  try {
    inflated = gunzipSync(raw, { maxOutputLength: limit });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('inflates to more than');
    throw refuse('SPEC_UNREADABLE', `cannot decompress the spec: ${(err as Error).message}`);
  }
  return decodeSpec(inflated, file);
}

const SIZE_UNITS: Record<string, number> = { '': 1, B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** `64MB`, `512KB`, `1.5GB` or a plain byte count → bytes (1 KB = 1024 bytes); undefined when unreadable. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*$/i.exec(text);
  const unit = m ? SIZE_UNITS[m[2]!.toUpperCase().replace(/^([KMG])$/, '$1B')] : undefined;
  return m && unit !== undefined && Number(m[1]) > 0 ? Math.round(Number(m[1]) * unit) : undefined;
}

function formatSize(bytes: number): string {
  const [unit, size] = Object.entries(SIZE_UNITS)
    .filter(([u]) => u !== '')
    .reverse()
    .find(([, n]) => bytes >= n) ?? ['B', 1];
  return `${Number((bytes / size).toFixed(1))} ${unit}`;
}

export function parseSpecText(text: string, file: string, readBlock?: BlockReader): LoadedSpec {
  const { value: document, locate } = parseLocated(text, file, readBlock);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new SpecError([fileError('NOT_AN_OBJECT', file, 'the spec must be a YAML or JSON object', { line: 1, column: 1 })]);
  }
  const object = document as Record<string, unknown>;
  const bytes = Buffer.byteLength(text);
  if (!isSwagger2(object)) return { file, document: object, locate, files: [file], bytes };
  const converted = convertSwagger2(object, file, locate);
  return { file, document: converted, locate: swagger2Locator(object, converted, locate), files: [file], bytes };
}

/**
 * YAML or JSON text → its value and a locator for its JSON pointers; syntax errors are located.
 * YAML is read block by block where that is certain to give the same (yamlBlocks.ts), else whole.
 */
export function parseLocated(text: string, file: string, readBlock?: BlockReader): { value: unknown; locate: Locator } {
  const json = parseJson(text);
  if (json) return json;
  // Only for text JSON.parse refused: a comment outside a string is never valid JSON (the scan costs 0.4 s on 47 MB).
  rejectJsonComments(text, file);
  return readYamlBlocks(text, readBlock) ?? parseYaml(text, file);
}

function parseYaml(text: string, file: string): { value: unknown; locate: Locator } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const locate: Locator = (pointer) => locateInYaml(doc, lineCounter, parsePointer(pointer));
  const problems = new Diagnostics(file, locate);
  for (const e of doc.errors) {
    const at = lineCounter.linePos(e.pos[0]);
    problems.items.push(fileError('SYNTAX_ERROR', file, firstLine(e.message), { line: at.line, column: at.col }));
  }
  if (problems.items.length > 0) throw new SpecError(problems.items);
  return { value: expandAliases(doc, file, lineCounter), locate };
}

/** The plain document; aliases expanding beyond MAX_ALIAS_COUNT stop with the first alias of a nested one. */
function expandAliases(doc: Document, file: string, lines: LineCounter): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    const at = firstNestedAlias(doc);
    const pos = at?.range ? lines.linePos(at.range[0]) : { line: 1, col: 1 };
    const message = `YAML aliases here expand beyond ${MAX_ALIAS_COUNT} copies (an alias bomb?): repeat the content or use a $ref`;
    throw new SpecError([fileError('ALIAS_BOMB', file, message, { line: pos.line, column: pos.col })]);
  }
}

/** The first alias whose anchor itself holds aliases (where an alias bomb multiplies), else the first alias. */
function firstNestedAlias(doc: Document): YamlNode | undefined {
  let first: YamlNode | undefined;
  let nested: YamlNode | undefined;
  visit(doc, {
    Alias(_, alias) {
      first ??= alias;
      const source = alias.resolve(doc);
      let holdsAlias = false;
      if (isCollection(source)) visit(source, { Alias: () => ((holdsAlias = true), visit.BREAK) });
      if (holdsAlias && !isAlias(source)) {
        nested = alias;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return nested ?? first;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
