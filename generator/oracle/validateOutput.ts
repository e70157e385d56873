// Reads the report of `openapi-generator validate` into located diagnostics.
//
// The report looks like this (errors go to stderr, the rest to stdout):
//   Validating spec (spec.yaml)
//   Errors:
//   	- attribute paths.'/x'(get).responses is missing
//   	- paths.'/m/{id}'. Declared path parameter id needs to be defined as a path
//   	  parameter in path or operation level
//   Warnings:
//   	- Unused model: Foo
//   [error] Spec has 2 errors.
// Long items wrap onto lines starting with a tab and two spaces. A spec that cannot be read
// at all gives Java stack traces instead, with a YAML/JSON parser message and a line number.

import { parse as parseYaml } from 'yaml';
import { escapePointerSegment, pointerOf, resolvePointer } from '../pointer.ts';
import { MAX_ALIAS_COUNT } from '../load/yamlDocument.ts';
import { isPlainObject } from '../normalize/schema.ts';

export interface OracleDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  file: string;
  /** RFC 6901 JSON pointer guessed from the message; absent when the message names no place. */
  pointer?: string;
  line?: number;
  column?: number;
}

export interface ParseContext {
  /** Reported as each diagnostic's file. */
  file: string;
  /** The spec text, used to resolve `[paramName]` and keys that contain dots. */
  specText?: string;
}

const TOP_LEVEL_KEYS = new Set([
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
  'externalDocs',
  'swagger',
]);

/** Splits the report into its items, continuation lines joined. */
function reportItems(text: string): Array<{ severity: 'error' | 'warning'; text: string }> {
  const items: Array<{ severity: 'error' | 'warning'; text: string }> = [];
  let section: 'error' | 'warning' | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (/^Errors:$/.test(line)) section = 'error';
    else if (/^Warnings:$/.test(line)) section = 'warning';
    else if (section && /^\t- /.test(line)) items.push({ severity: section, text: line.slice(3).trim() });
    else if (section && /^\t {2}\S/.test(line) && items.length > 0) items[items.length - 1]!.text += ' ' + line.trim();
    else if (line !== '' && !line.startsWith('\t')) section = undefined;
  }
  return items;
}

/** The parser's complaint when the spec is not valid YAML/JSON, with its line and column. */
function syntaxError(text: string): { message: string; line?: number; column?: number } | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /(MarkedYAMLException|JsonParseException|JsonEOFException|ParserException|ScannerException): /.test(l));
  if (start < 0) return undefined;
  const first = lines[start]!.replace(/^.*?(?:MarkedYAMLException|JsonParseException|JsonEOFException|ParserException|ScannerException): /, '');
  const parts = [first.trim()];
  let line: number | undefined;
  let column: number | undefined;
  const noteMark = (s: string): void => {
    const m = /line:? (\d+), column:? (\d+)/.exec(s);
    if (m) {
      line = Number(m[1]);
      column = Number(m[2]);
    }
  };
  noteMark(first);
  for (const l of lines.slice(start + 1)) {
    if (/^\s+at |^Caused by|^\[|^\s*\.\.\. \d+/.test(l)) break;
    if (/^ in '(?:reader|string)', line \d+, column \d+:/.test(l)) {
      noteMark(l);
      parts.push(`(line ${line}, column ${column})`);
    } else if (/^\S/.test(l) && !/^ at \[Source/.test(l)) parts.push(l.trim());
  }
  // JSON parsers put the position inside the first line; drop the "[Source: ...]" noise around it.
  const message = parts
    .join(' ')
    .replace(/\s*\(start marker at \[Source:[^\]]*\]\)/, '')
    .replace(/\s*at \[Source:[^\]]*\]/, '')
    .trim();
  return { message: `Spec is not valid YAML/JSON: ${message}`, line, column };
}

/**
 * Parses openapi-generator's validate output. A spec it could not read gives one error
 * (with a line where the parser said one); a clean spec gives no diagnostics.
 */
export function parseValidateOutput(result: { stdout: string; stderr: string; code: number }, ctx: ParseContext): OracleDiagnostic[] {
  const text = `${result.stdout}\n${result.stderr}`;
  const items = reportItems(text);
  let doc: unknown;
  let docParsed = false;
  const document = (): unknown => {
    if (!docParsed && ctx.specText !== undefined) {
      docParsed = true;
      try {
        doc = parseYaml(ctx.specText, { maxAliasCount: MAX_ALIAS_COUNT, uniqueKeys: false });
      } catch {
        doc = undefined;
      }
    }
    return doc;
  };
  const out: OracleDiagnostic[] = items.map(({ severity, text: message }) => {
    const pointer = pointerFromMessage(message, document);
    return pointer === undefined ? { severity, message, file: ctx.file } : { severity, message, file: ctx.file, pointer };
  });
  if (out.length === 0 && result.code !== 0) {
    const syntax = syntaxError(text);
    if (syntax) out.push({ severity: 'error', file: ctx.file, pointer: '', ...syntax });
    else {
      const reason = text
        .split(/\r?\n/)
        .find((l) => /\bERROR\b|Exception/.test(l))
        ?.replace(/^\[main\] ERROR\s+\S+ - /, '')
        .trim();
      out.push({
        severity: 'error',
        file: ctx.file,
        message: `openapi-generator could not read the spec${reason ? `: ${reason}` : ` (exit code ${result.code})`}`,
      });
    }
  }
  return out;
}

/** The JSON pointer a validate message refers to, or undefined when it names no place. */
export function pointerFromMessage(message: string, document?: () => unknown): string | undefined {
  // Some messages also carry a pointer outright, "... (#/components/schemas/Foo)": it is used
  // unless the location in the message points somewhere inside it.
  const explicit = /\(#(\/[^)\s]*)\)\s*$/.exec(message)?.[1];
  const located = pointerFromLocation(message, document);
  if (explicit !== undefined && !(located !== undefined && (located + '/').startsWith(explicit + '/'))) return explicit;
  return located;
}

function pointerFromLocation(message: string, document?: () => unknown): string | undefined {
  const unused = /^Unused model: (\S+)$/.exec(message);
  if (unused) return '/components/schemas/' + escapePointerSegment(unused[1]!);
  let location: string | undefined;
  const attr = /^attribute (.+?) (?:is|are) /.exec(message);
  if (attr) location = attr[1]!;
  else {
    // "<location>. <sentence>"
    const end = locationEnd(message);
    if (end > 0) location = message.slice(0, end);
  }
  if (location === undefined) return undefined;
  const tokens = tokenizeLocation(location.replace(/^\./, ''));
  if (tokens.length === 0) return undefined;
  const first = tokens[0]!;
  if (first.kind !== 'key' || !TOP_LEVEL_KEYS.has(first.value.split('.')[0]!)) return undefined;
  return tokensToPointer(tokens, document?.());
}

/** Index of the ". " that ends a leading location, outside quotes; -1 when there is none. */
function locationEnd(message: string): number {
  let quoted = false;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === ' ') return message[i - 1] === '.' ? i - 1 : -1;
  }
  return -1;
}

export type LocationToken = { kind: 'key' | 'quoted' | 'method' | 'param'; value: string };

/**
 * Splits swagger-parser's location strings: `paths.'/a/{b}'(get).parameters.[limit].in`
 * → key paths, quoted /a/{b}, method get, key parameters, param limit, key in.
 */
export function tokenizeLocation(location: string): LocationToken[] {
  const tokens: LocationToken[] = [];
  let buf = '';
  const flush = (): void => {
    if (buf !== '') tokens.push({ kind: 'key', value: buf });
    buf = '';
  };
  for (let i = 0; i < location.length; i++) {
    const c = location[i]!;
    if (c === "'" && buf === '') {
      const close = location.indexOf("'", i + 1);
      if (close < 0) {
        buf += location.slice(i);
        break;
      }
      tokens.push({ kind: 'quoted', value: location.slice(i + 1, close) });
      i = close;
    } else if (c === '(' && /^\((get|put|post|delete|options|head|patch|trace)\)/i.test(location.slice(i))) {
      flush();
      const close = location.indexOf(')', i);
      tokens.push({ kind: 'method', value: location.slice(i + 1, close).toLowerCase() });
      i = close;
    } else if (c === '[' && buf === '') {
      const close = location.indexOf(']', i);
      if (close < 0) {
        buf += location.slice(i);
        break;
      }
      tokens.push({ kind: 'param', value: location.slice(i + 1, close) });
      i = close;
    } else if (c === '.') flush();
    else buf += c;
  }
  flush();
  return tokens;
}

function resolveLocalRef(doc: unknown, node: unknown): unknown {
  if (!isPlainObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  return resolvePointer(doc, node.$ref);
}

/**
 * Turns location tokens into a pointer. With the document at hand, keys that contain dots
 * (`api_key.created`) are rejoined and `[name]` becomes the parameter's index; without it,
 * every dot separates keys and a `[name]` ends the pointer at its array.
 */
export function tokensToPointer(tokens: LocationToken[], doc?: unknown): string {
  const segments: string[] = [];
  let node: unknown = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'param') {
      if (!Array.isArray(node)) break;
      const arr: unknown[] = node;
      const index = arr.findIndex((p) => {
        const r = resolveLocalRef(doc, p);
        return isPlainObject(r) && r.name === t.value;
      });
      if (index < 0) break;
      segments.push(String(index));
      node = arr[index];
      continue;
    }
    let key = t.value;
    if (t.kind === 'key' && isPlainObject(node)) {
      // Longest run of dot-separated keys that names a member here.
      for (let j = tokens.length - 1; j > i; j--) {
        const run = tokens.slice(i, j + 1);
        if (!run.every((r) => r.kind === 'key')) continue;
        const joined = run.map((r) => r.value).join('.');
        if (joined in node) {
          key = joined;
          i = j;
          break;
        }
      }
    }
    segments.push(key);
    node = isPlainObject(node) ? node[key] : Array.isArray(node) && /^\d+$/.test(key) ? node[Number(key)] : undefined;
  }
  return pointerOf(segments);
}
