// Stage 1: read the spec file (YAML or JSON, optionally gzipped) into a plain document,
// keeping the YAML syntax tree so any JSON pointer can later be turned into a line.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { Diagnostics, parsePointer, SpecError, type Locator } from '../diagnostics.ts';

export interface LoadedSpec {
  file: string;
  document: Record<string, unknown>;
  locate: Locator;
}

export function loadSpec(file: string): LoadedSpec {
  let text: string;
  try {
    const raw = readFileSync(file);
    text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  } catch (err) {
    throw new SpecError([{ severity: 'error', file, pointer: '', message: `cannot read the spec: ${(err as Error).message}` }]);
  }
  return parseSpecText(text, file);
}

export function parseSpecText(text: string, file: string): LoadedSpec {
  const { value: document, locate } = parseLocated(text, file);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new SpecError([{ severity: 'error', file, pointer: '', line: 1, column: 1, message: 'the spec must be a YAML or JSON object' }]);
  }
  return { file, document: document as Record<string, unknown>, locate };
}

/** YAML or JSON text → its value and a locator for its JSON pointers; syntax errors are located. */
export function parseLocated(text: string, file: string): { value: unknown; locate: Locator } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const locate: Locator = (pointer) => locateInYaml(doc, lineCounter, pointer);
  const problems = new Diagnostics(file, locate);
  for (const e of doc.errors) {
    const at = lineCounter.linePos(e.pos[0]);
    problems.items.push({ severity: 'error', file, pointer: '', line: at.line, column: at.col, message: firstLine(e.message) });
  }
  if (problems.items.length > 0) throw new SpecError(problems.items);
  return { value: doc.toJS({ maxAliasCount: -1 }) as unknown, locate };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Finds the node a pointer names, or its nearest existing ancestor, and returns its position. */
function locateInYaml(doc: Document, lines: LineCounter, pointer: string): { line: number; column: number } | undefined {
  const path = parsePointer(pointer);
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const node = tryGetIn(doc, keys);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

function tryGetIn(doc: Document, keys: Array<string | number>): unknown {
  try {
    // Map keys are scalars that may be strings even when they look like numbers ("200").
    return doc.getIn(keys, true) ?? doc.getIn(keys.map(String), true);
  } catch {
    return undefined;
  }
}
