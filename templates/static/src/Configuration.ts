import { isBrowser, readEnv } from './runtime/environment.js';
import { ACCESS_TOKEN_ENV, BASE_PATH_ENV, SERVERS } from './runtime/server.js';
import { resolveServerUrl, type ServerSpec, type ServerVariables } from './runtime/servers.js';

export type AccessToken = string | (() => string | Promise<string>);

// Every field accepts undefined, so `accessToken: process.env.X` compiles under exactOptionalPropertyTypes.
export interface ConfigurationParameters {
  /** Defaults to the environment variable named by ACCESS_TOKEN_ENV, when there is one. */
  accessToken?: AccessToken | undefined;
  /** Defaults to the environment variable named by BASE_PATH_ENV, then to the server picked by serverIndex. When set, it wins over every server of the spec. */
  basePath?: string | undefined;
  /** Which of the spec's servers (SERVERS) to use, default 0. */
  serverIndex?: number | undefined;
  /**
   * Values for the server's URL variables, checked against their `enum`; the others keep their
   * defaults. They also fill the same-named variables of an operation's own servers.
   */
  serverVariables?: Record<string, string> | undefined;
  fetch?: typeof fetch | undefined;
  defaultHeaders?: Record<string, string> | undefined;
  maxRetries?: number | undefined;
  timeoutMs?: number | undefined;
  /** Allows a credential in a web page, where every visitor can read it. Use only with short-lived tokens. */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Redirects followed per attempt (default 5; 0 follows none). */
  maxRedirects?: number | undefined;
  /** Largest response body read, counted after decompression (default 256 MiB; 0 means no limit). */
  maxResponseBytes?: number | undefined;
  /** Longest wait for the next server-sent event, in ms (default 10 minutes; 0 means no limit). */
  streamIdleTimeoutMs?: number | undefined;
  /** Longest server-sent event line or event, in characters (default 64 Mi; 0 means no limit). */
  maxStreamEventLength?: number | undefined;
}

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 600_000;
export const DEFAULT_MAX_STREAM_EVENT_LENGTH = 64 * 1024 * 1024;

// Header names whose values are credentials; never printed by toJSON/inspect nor shown in errors.
export const SECRET_HEADER = /^(authorization|proxy-authorization|cookie)$|api-?key|token|secret|password/i;

export class Configuration {
  readonly basePath: string;
  readonly fetch: typeof fetch | undefined;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly maxResponseBytes: number;
  readonly streamIdleTimeoutMs: number;
  readonly maxStreamEventLength: number;
  // A #private field is invisible to JSON.stringify, Object.keys and util.inspect.
  readonly #accessToken: AccessToken | undefined;
  // Private too, since callers may put credentials in headers; exposed by a getter.
  readonly #defaultHeaders: Readonly<Record<string, string>>;
  /** True when basePath came from the caller or the environment rather than from the spec's servers. */
  readonly #basePathGiven: boolean;
  readonly #serverVariables: ServerVariables;

  constructor(params: ConfigurationParameters = {}) {
    const givenBasePath = params.basePath ?? readEnv(BASE_PATH_ENV);
    this.#basePathGiven = givenBasePath !== undefined;
    this.#serverVariables = Object.freeze({ ...params.serverVariables });
    // A wrong serverIndex or variable is refused even when basePath wins: it is a mistake either way.
    const serverChosen = params.serverIndex !== undefined || params.serverVariables !== undefined;
    const serverUrl = serverChosen || !this.#basePathGiven ? resolveServerUrl(SERVERS, params.serverIndex, this.#serverVariables) : undefined;
    this.basePath = (givenBasePath ?? serverUrl ?? '').replace(/\/+$/, '');
    this.fetch = params.fetch;
    this.#defaultHeaders = Object.freeze({ ...params.defaultHeaders });
    this.maxRetries = nonNegative(params.maxRetries, DEFAULT_MAX_RETRIES, 'maxRetries');
    this.timeoutMs = nonNegative(params.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
    this.maxRedirects = nonNegative(params.maxRedirects, DEFAULT_MAX_REDIRECTS, 'maxRedirects');
    this.maxResponseBytes = nonNegative(params.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, 'maxResponseBytes');
    this.streamIdleTimeoutMs = nonNegative(params.streamIdleTimeoutMs, DEFAULT_STREAM_IDLE_TIMEOUT_MS, 'streamIdleTimeoutMs');
    this.maxStreamEventLength = nonNegative(params.maxStreamEventLength, DEFAULT_MAX_STREAM_EVENT_LENGTH, 'maxStreamEventLength');
    this.#accessToken = params.accessToken ?? readEnv(ACCESS_TOKEN_ENV);
    if (isBrowser() && !params.dangerouslyAllowBrowser && this.#holdsSecret()) {
      throw new Error(
        'Refusing to hold a credential in a browser, where anyone using the page can read it; pass dangerouslyAllowBrowser: true to accept that risk.',
      );
    }
  }

  /**
   * The base URL of a request: basePath when the caller gave one, else the operation's own
   * (path- or operation-level) servers when it has them, their first one filled with
   * serverVariables and defaults, else the server picked at construction.
   */
  baseUrlFor(servers?: readonly ServerSpec[]): string {
    if (this.#basePathGiven || servers === undefined || servers.length === 0) return this.basePath;
    return resolveServerUrl(servers, 0, this.#serverVariables, { ignoreUnknown: true }).replace(/\/+$/, '');
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
      maxRedirects: this.maxRedirects,
      maxResponseBytes: this.maxResponseBytes,
      streamIdleTimeoutMs: this.streamIdleTimeoutMs,
      maxStreamEventLength: this.maxStreamEventLength,
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
