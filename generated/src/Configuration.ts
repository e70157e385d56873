import { ownValue } from './runtime/auth.js';
import { isBrowser, readEnv } from './runtime/environment.js';
import { ACCESS_TOKEN_ENV, BASE_PATH_ENV, SERVERS } from './runtime/server.js';
import { resolveServerUrl, type ServerSpec, type ServerVariables } from './runtime/servers.js';

export type AccessToken = string | (() => string | Promise<string>);
/**
 * The key of apiKey security schemes: one string for every scheme, a record keyed by the scheme's
 * parameter name (`X-API-Key`, `api_key`) or by its scheme name, or a function of those names.
 */
export type ApiKey =
  | string
  | Readonly<Record<string, string>>
  | ((name: string, schemeName: string) => string | undefined | Promise<string | undefined>);

// Every field accepts undefined, so `accessToken: process.env.X` compiles under exactOptionalPropertyTypes.
export interface ConfigurationParameters {
  /** Defaults to the environment variable named by ACCESS_TOKEN_ENV, when there is one. */
  accessToken?: AccessToken | undefined;
  /** HTTP basic authentication; both are needed (the password may be empty). */
  username?: string | undefined;
  password?: string | undefined;
  /** For apiKey security schemes, in a header, query parameter or cookie. */
  apiKey?: ApiKey | undefined;
  /** Text sent before a key and a space, by parameter or scheme name (`{ Authorization: 'Token' }`). */
  apiKeyPrefix?: Readonly<Record<string, string>> | undefined;
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
  /** Sends credentials over plain http to another machine too, where anyone on the network can read them (default false: refused, except to loopback). */
  allowInsecureHttp?: boolean | undefined;
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
  readonly allowInsecureHttp: boolean;
  // A #private field is invisible to JSON.stringify, Object.keys and util.inspect.
  readonly #accessToken: AccessToken | undefined;
  readonly #username: string | undefined;
  readonly #password: string | undefined;
  readonly #apiKey: ApiKey | undefined;
  readonly #apiKeyPrefix: Readonly<Record<string, string>>;
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
    this.allowInsecureHttp = params.allowInsecureHttp === true;
    this.#accessToken = params.accessToken ?? readEnv(ACCESS_TOKEN_ENV);
    this.#username = params.username;
    this.#password = params.password;
    this.#apiKey = typeof params.apiKey === 'object' ? Object.freeze({ ...params.apiKey }) : params.apiKey;
    this.#apiKeyPrefix = Object.freeze({ ...params.apiKeyPrefix });
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

  /** Username and password for HTTP basic, when both are set. */
  basicCredentials(): { username: string; password: string } | undefined {
    if (this.#username === undefined || this.#password === undefined) return undefined;
    return { username: this.#username, password: this.#password };
  }

  /** The key for an apiKey scheme sending parameter `name`: by that name, else by the scheme's name. */
  async resolveApiKey(name: string, schemeName: string): Promise<string | undefined> {
    const apiKey = this.#apiKey;
    const key = typeof apiKey === 'function' ? await apiKey(name, schemeName) : typeof apiKey === 'string' ? apiKey : ownValue(apiKey, name) ?? ownValue(apiKey, schemeName);
    return key === undefined || key === '' ? undefined : key;
  }

  apiKeyPrefixFor(name: string, schemeName: string): string | undefined {
    return ownValue(this.#apiKeyPrefix, name) ?? ownValue(this.#apiKeyPrefix, schemeName);
  }

  #holdsSecret(): boolean {
    return (
      this.hasAccessToken ||
      this.#password !== undefined ||
      this.#apiKey !== undefined ||
      Object.keys(this.#defaultHeaders).some((name) => SECRET_HEADER.test(name))
    );
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
      username: this.#username === undefined ? undefined : '[redacted]',
      password: this.#password === undefined ? undefined : '[redacted]',
      apiKey: this.#apiKey === undefined ? undefined : '[redacted]',
      apiKeyPrefix: this.#apiKeyPrefix,
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
