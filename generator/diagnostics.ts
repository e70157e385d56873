// Problems found in a spec are collected, not thrown one by one: the user sees every
// problem of a run at once, each located by file, line and JSON pointer, and named by a code
// that scripts can match on (the message is for people and may change).

export type Severity = 'error' | 'warning';

/** Every kind of problem the generator reports. Closed: a new problem gets a new code here. */
export type DiagnosticCode =
  // load: reading and parsing the spec's files
  | 'SPEC_UNREADABLE'
  | 'SPEC_TOO_LARGE'
  | 'NOT_UTF8'
  | 'JSON_COMMENT'
  | 'SYNTAX_ERROR'
  | 'NOT_AN_OBJECT'
  | 'ALIAS_BOMB'
  | 'UNSUPPORTED_VERSION'
  | 'SWAGGER2_CONVERSION'
  // references, in the loader (files) and in normalize (within the document)
  | 'REF_CYCLE'
  | 'REF_REMOTE'
  | 'REF_FILE_MISSING'
  | 'REF_OUTSIDE_FOLDER'
  | 'REF_UNRESOLVED'
  | 'REF_EXTERNAL'
  // normalize: the document's structure
  | 'MISSING_FIELD'
  | 'WRONG_TYPE'
  | 'UNKNOWN_TYPE'
  | 'TYPE_IS_FORMAT'
  | 'SCHEMA_TOO_DEEP'
  | 'TUPLE_ITEMS'
  | 'DISCRIMINATOR_INVALID'
  | 'PAGINATION_INVALID'
  /** Valid OpenAPI the client does not reflect yet (some 3.2 additions): left out with a warning. */
  | 'FEATURE_UNSUPPORTED'
  | 'PACKAGE_OPTION_UNKNOWN'
  | 'PACKAGE_OPTION_INVALID'
  | 'SECURITY_SCHEME_UNDEFINED'
  | 'SECURITY_SCHEME_UNUSABLE'
  | 'SERVER_VARIABLE_INVALID'
  /** The default server is plain http to another machine and operations send credentials. */
  | 'SERVER_INSECURE'
  | 'OPERATION_ID_MISSING'
  | 'OPERATION_ID_DUPLICATE'
  | 'PATH_PARAMETER_UNDECLARED'
  | 'PARAMETER_LOCATION_INVALID'
  | 'COOKIE_PARAMETER_IGNORED'
  | 'HEADER_NAME_INVALID'
  // names, in normalize and ir
  | 'METHOD_NAME_CLASH'
  | 'MODEL_NAME_CLASH'
  | 'NAME_TOO_LONG'
  | 'MODEL_RENAMED'
  | 'CLASS_RENAMED'
  | 'METHOD_RENAMED'
  | 'WEBHOOK_RENAMED'
  // ir: types
  | 'RECURSIVE_ALIAS'
  | 'PARAMETER_SCHEMA_UNSUPPORTED'
  // outside the spec: config file, command line, output folder, openapi-generator, our own output
  | 'CONFIG_INVALID'
  | 'USAGE'
  | 'OUTPUT_REFUSED'
  | 'ORACLE_UNAVAILABLE'
  | 'ORACLE_REPORTED'
  | 'RENDERED_CODE_INVALID';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
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

  error(pointer: string, message: string, code: DiagnosticCode): void {
    this.add('error', pointer, message, code);
  }

  warning(pointer: string, message: string, code: DiagnosticCode): void {
    this.add('warning', pointer, message, code);
  }

  add(severity: Severity, pointer: string, message: string, code: DiagnosticCode): void {
    const key = `${severity}\0${pointer}\0${message}`;
    if (this.seen.has(key)) return; // each problem is reported once
    this.seen.add(key);
    this.items.push({ severity, code, message, file: this.file, pointer, ...this.locate(pointer) });
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }
}

/** An error of the whole file (no pointer), at a line and column when known. */
export function fileError(code: DiagnosticCode, file: string, message: string, at: { line?: number; column?: number; file?: string } = {}): Diagnostic {
  return { severity: 'error', code, file, pointer: '', ...at, message };
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
