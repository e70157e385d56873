import { isBrowser, readEnv } from './runtime/environment.js';
import { ACCESS_TOKEN_ENV, BASE_PATH, BASE_PATH_ENV } from './runtime/server.js';

export type AccessToken = string | (() => string | Promise<string>);

// Every field accepts undefined, so `accessToken: process.env.X` compiles under exactOptionalPropertyTypes.
export interface ConfigurationParameters {
  /** Defaults to the environment variable named by ACCESS_TOKEN_ENV, when there is one. */
  accessToken?: AccessToken | undefined;
  /** Defaults to the environment variable named by BASE_PATH_ENV, then to BASE_PATH. */
  basePath?: string | undefined;
  fetch?: typeof fetch | undefined;
  defaultHeaders?: Record<string, string> | undefined;
  maxRetries?: number | undefined;
  timeoutMs?: number | undefined;
  /** Allows a credential in a web page, where every visitor can read it. Use only with short-lived tokens. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 600_000;

// Header names whose values are credentials; never printed by toJSON/inspect.
const SECRET_HEADER = /^(authorization|proxy-authorization|api-key|x-api-key|cookie)$/i;

export class Configuration {
  readonly basePath: string;
  readonly fetch: typeof fetch | undefined;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  // A #private field is invisible to JSON.stringify, Object.keys and util.inspect.
  readonly #accessToken: AccessToken | undefined;
  // Private too, since callers may put credentials in headers; exposed by a getter.
  readonly #defaultHeaders: Readonly<Record<string, string>>;

  constructor(params: ConfigurationParameters = {}) {
    this.basePath = (params.basePath ?? readEnv(BASE_PATH_ENV) ?? BASE_PATH).replace(/\/+$/, '');
    this.fetch = params.fetch;
    this.#defaultHeaders = Object.freeze({ ...params.defaultHeaders });
    this.maxRetries = nonNegative(params.maxRetries, DEFAULT_MAX_RETRIES, 'maxRetries');
    this.timeoutMs = nonNegative(params.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
    this.#accessToken = params.accessToken ?? readEnv(ACCESS_TOKEN_ENV);
    if (isBrowser() && !params.dangerouslyAllowBrowser && this.#holdsSecret()) {
      throw new Error(
        'Refusing to hold a credential in a browser, where anyone using the page can read it; pass dangerouslyAllowBrowser: true to accept that risk.',
      );
    }
  }

  get defaultHeaders(): Readonly<Record<string, string>> {
    return this.#defaultHeaders;
  }

  get hasAccessToken(): boolean {
    return this.#accessToken !== undefined && this.#accessToken !== '';
  }

  /** Returns the token, calling the getter (if one was given) on every call so it can rotate. */
  async resolveAccessToken(): Promise<string | undefined> {
    const token = typeof this.#accessToken === 'function' ? await this.#accessToken() : this.#accessToken;
    return token === undefined || token === '' ? undefined : token;
  }

  #holdsSecret(): boolean {
    return this.hasAccessToken || Object.keys(this.#defaultHeaders).some((name) => SECRET_HEADER.test(name));
  }

  toJSON(): Record<string, unknown> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.defaultHeaders)) {
      headers[name] = SECRET_HEADER.test(name) ? '[redacted]' : value;
    }
    return {
      basePath: this.basePath,
      maxRetries: this.maxRetries,
      timeoutMs: this.timeoutMs,
      defaultHeaders: headers,
      accessToken: this.hasAccessToken ? '[redacted]' : undefined,
    };
  }

  toString(): string {
    return `Configuration(${JSON.stringify(this.toJSON())})`;
  }

  // Node's util.inspect looks this symbol up; other runtimes ignore it.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number`);
  return value;
}
