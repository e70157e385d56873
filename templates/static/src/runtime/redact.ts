import { AbortError, ApiError } from '../ApiError.js';
import { SECRET_HEADER } from '../Configuration.js';

const MASK = '[redacted]';
// Error bodies come from JSON.parse and can nest arbitrarily deep; recursion stops here.
const MAX_DEPTH = 64;

/**
 * Masks the credentials of one call wherever a hostile server could echo them back into an
 * error: message, stack, body, headers and the chain of causes. Built once per call.
 */
export class Redactor {
  readonly #secrets: string[];

  constructor(secrets: Iterable<string>) {
    // Longest first, so a secret that contains another one is masked whole.
    this.#secrets = [...new Set(secrets)].filter((s) => s !== '').sort((a, b) => b.length - a.length);
  }

  /**
   * The credentials a call sends (tokens, keys, passwords; each also as it reads in a URL) and
   * the value of every credential header (past its `Bearer `-like scheme).
   */
  static forRequest(credentials: readonly string[], headers: Record<string, string>): Redactor {
    const secrets = credentials.flatMap((secret) => [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
    for (const [name, value] of Object.entries(headers)) {
      if (SECRET_HEADER.test(name)) secrets.push(/^[A-Za-z][\w.+-]*\s+(\S.*)$/.exec(value)?.[1] ?? value);
    }
    return new Redactor(secrets);
  }

  text(text: string): string {
    let out = text;
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  }

  /** A copy with every string (keys included) masked; non-string leaves are kept. */
  value(value: unknown, depth = 0): unknown {
    if (this.#secrets.length === 0) return value;
    if (typeof value === 'string') return this.text(value);
    if (typeof value !== 'object' || value === null || value instanceof Error) return value;
    if (depth >= MAX_DEPTH) return MASK;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    // fromEntries defines own properties, so a `__proto__` key stays plain data.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.text(k), this.value(v, depth + 1)]));
  }

  /**
   * Masks an ApiError in place (every own field, the stack and each Error in its cause chain)
   * and returns it. Anything else, such as the caller's own abort reason, is returned untouched.
   */
  error<E>(error: E): E {
    // An AbortError holds nothing from the server; its cause is the caller's own reason, left as given.
    if (error instanceof AbortError) return error;
    if (this.#secrets.length > 0 && error instanceof ApiError) this.#maskError(error, new Set());
    return error;
  }

  /** The SyntaxError JSON.parse reports for the masked text; its message quotes (and may cut) the text. */
  syntaxError(text: string): unknown {
    try {
      JSON.parse(this.text(text));
      return undefined;
    } catch (error) {
      return error;
    }
  }

  #maskError(error: Error, seen: Set<Error>): void {
    if (seen.has(error)) return;
    seen.add(error);
    for (const key of Object.getOwnPropertyNames(error)) {
      const descriptor = Object.getOwnPropertyDescriptor(error, key);
      if (!descriptor || !('value' in descriptor) || !descriptor.configurable) continue;
      const current: unknown = descriptor.value;
      if (current instanceof Error) this.#maskError(current, seen);
      else Object.defineProperty(error, key, { ...descriptor, value: this.value(current) });
    }
    // V8 may keep `stack` as an accessor, which the loop above skips.
    if (typeof error.stack === 'string') {
      try {
        error.stack = this.text(error.stack);
      } catch {
        // A getter-only stack cannot be rewritten; the other fields are masked all the same.
      }
    }
  }
}
