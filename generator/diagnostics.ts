// Problems found in a spec are collected, not thrown one by one: the user sees every
// problem of a run at once, each located by file, line and JSON pointer.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  message: string;
  file: string;
  /** RFC 6901 JSON pointer into the document, '' for the root. */
  pointer: string;
  line?: number;
  column?: number;
}

/**
 * Where a JSON pointer sits in the source text; filled in by the loader. `file` is set when the
 * pointer's text is written in another file of a multi-file spec.
 */
export type Locator = (pointer: string) => { line: number; column: number; file?: string } | undefined;

export class Diagnostics {
  readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly file: string,
    private readonly locate: Locator,
  ) {}

  error(pointer: string, message: string): void {
    this.add('error', pointer, message);
  }

  warning(pointer: string, message: string): void {
    this.add('warning', pointer, message);
  }

  add(severity: Severity, pointer: string, message: string): void {
    const key = `${severity}\0${pointer}\0${message}`;
    if (this.seen.has(key)) return; // each problem is reported once
    this.seen.add(key);
    this.items.push({ severity, message, file: this.file, pointer, ...this.locate(pointer) });
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }
}

/** One line per problem: `file:line:column severity at #pointer: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const pointer = d.pointer === '' ? '#' : `#${d.pointer}`;
  return showControlCharacters(`${where} ${d.severity} at ${pointer}: ${d.message}`);
}

/**
 * Control characters and line separators as `\uXXXX`: spec text quoted in a message (or in a
 * `//` comment) can neither start a new line nor send escape sequences to a terminal.
 */
export function showControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Thrown when a stage cannot go on; carries every located problem found so far. */
export class SpecError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    // In file order, so the report reads top to bottom like the spec.
    const sorted = [...diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    super(sorted.map(formatDiagnostic).join('\n'));
    this.diagnostics = sorted;
    this.name = 'SpecError';
  }
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + escapePointerSegment(s)).join('');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray `%` in a key is kept as written
  }
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map((s) => safeDecode(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The node a pointer (`#/a/b` or `/a/b`) names in a plain document, or undefined. */
export function resolvePointer(document: unknown, ref: string): unknown {
  let node: unknown = document;
  for (const segment of parsePointer(ref)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (node !== null && typeof node === 'object') node = Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
    else return undefined;
  }
  return node;
}
