type HeaderScalar = string | number | boolean;
export type HeaderInput = Record<string, HeaderScalar | ReadonlyArray<HeaderScalar> | null | undefined>;

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FORBIDDEN_VALUE_CHARS = /[\r\n\0]/;

/** Throws before any request if a header could split the request (CR/LF/NUL) or is malformed. */
export function assertValidHeader(name: string, value: string): void {
  if (!HEADER_NAME.test(name)) throw new TypeError(`Invalid header name "${name.replace(/[^\x20-\x7e]/g, '?')}"`);
  // The value is deliberately left out of the message: it may be a credential.
  if (FORBIDDEN_VALUE_CHARS.test(value)) throw new TypeError(`Header "${name}" must not contain CR, LF or NUL`);
}

/**
 * Merges header sets left to right with case-insensitive names; later sets win.
 * null/undefined values are skipped; arrays become comma-separated lists.
 */
export function mergeHeaders(...sets: Array<HeaderInput | undefined>): Record<string, string> {
  const out = new Map<string, string>();
  for (const set of sets) {
    if (!set) continue;
    for (const [name, raw] of Object.entries(set)) {
      if (raw === undefined || raw === null) continue;
      // OpenAPI's `simple` style: list values are joined with commas.
      const value = Array.isArray(raw) ? raw.map(String).join(',') : String(raw);
      assertValidHeader(name, value);
      out.set(name.toLowerCase(), value);
    }
  }
  return Object.fromEntries(out);
}

/** Response headers as a plain object with lower-case names. */
export function headersToRecord(headers: Headers): Record<string, string> {
  // fromEntries defines own properties, so a hostile `__proto__` header stays inert.
  return Object.fromEntries(headers);
}
