import { AbortError, ApiError, ConnectionError, MissingCredentialError, TimeoutError } from '../ApiError.js';
import { Configuration, type ConfigurationParameters } from '../Configuration.js';
import { jsonBody, type PreparedBody } from './body.js';
import { assertValidHeader, headersToRecord, mergeHeaders } from './headers.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetryResponse, sleep, type RetryPolicy } from './retry.js';
import { Stream } from './Stream.js';
import type { ApiResponse, RequestOptions, RequestSpec, ResponseType } from './types.js';
import { buildUrl } from './url.js';
import { isBrowser } from './environment.js';
import { ACCESS_TOKEN_ENV, USER_AGENT } from './server.js';

const NO_BODY: PreparedBody = { body: undefined, contentType: undefined, oneShot: false };

export type { ApiResponse, RequestOptions, RequestSpec, ResponseType } from './types.js';

const MAX_TIMER_MS = 2_147_483_647;

// Browsers send their own User-Agent, and a custom one would need a CORS preflight.
const CLIENT_HEADERS: Record<string, string> = isBrowser() ? {} : { 'user-agent': USER_AGENT };

export interface Page<T> {
  data?: T[] | null | undefined;
  has_more?: boolean | null | undefined;
  last_id?: string | null | undefined;
}

/** Everything one attempt needs, computed once per call. */
interface PreparedRequest {
  url: string;
  init: RequestInit & { duplex?: 'half' };
  oneShot: boolean;
  token: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  signal: AbortSignal | undefined;
}

/** What an attempt produced: a value, or a transient failure worth retrying. */
type Outcome<R> = { ok: true; value: R } | { ok: false; error: Error; delayMs: number };

type Handler<R> = (response: Response, controller: AbortController, unlink: () => void) => Promise<R>;

export abstract class BaseApi {
  readonly configuration: Configuration;
  /** Backoff timings; a subclass (or test) may shorten them. */
  protected retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY;

  constructor(configuration?: Configuration | ConfigurationParameters) {
    this.configuration = configuration instanceof Configuration ? configuration : new Configuration(configuration);
  }

  protected async request<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const prepared = await this.#prepare(spec, options, spec.responseType === 'json' ? 'application/json' : undefined);
    return this.#send(prepared, true, async (response) => ({
      data: (await readBody(response, spec.responseType)) as T,
      statusCode: response.status,
      headers: headersToRecord(response.headers),
      response,
    }));
  }

  protected async requestStream<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<Stream<T>> {
    const prepared = await this.#prepare(spec, options, 'text/event-stream');
    return this.#send(prepared, false, async (response, controller, unlink) =>
      new Stream<T>(response, controller, { signal: options.signal, onClose: unlink }),
    );
  }

  /** Yields every item of every page, following `after` cursors while `has_more` is true. */
  protected async *paginate<T>(fetchPage: (after: string | undefined) => Promise<Page<T>>): AsyncIterableIterator<T> {
    let after: string | undefined;
    for (;;) {
      const page = await fetchPage(after);
      const items = page.data ?? [];
      yield* items;
      if (!page.has_more) return;
      const next = page.last_id ?? idOf(items[items.length - 1]);
      // No cursor, or the same cursor again, would loop forever.
      if (next === undefined || next === after) return;
      after = next;
    }
  }

  /** Waits between attempts. Tests override this to record delays without waiting. */
  protected sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleep(ms, signal);
  }

  async #prepare(spec: RequestSpec, options: RequestOptions, accept: string | undefined): Promise<PreparedRequest> {
    const config = this.configuration;
    const url = buildUrl(config.basePath, spec.path, spec.pathParams, spec.query);
    // Validate caller-supplied headers before doing any work that could have side effects.
    const headers = mergeHeaders(accept ? { accept } : undefined, CLIENT_HEADERS, config.defaultHeaders, spec.headers, options.headers);
    const body: PreparedBody = spec.body === undefined ? NO_BODY : await (spec.encodeBody ?? jsonBody)(spec.body);
    if (body.contentType && headers['content-type'] === undefined) headers['content-type'] = body.contentType;
    let token: string | undefined;
    if (spec.auth && spec.auth.length > 0 && headers['authorization'] === undefined) {
      token = await config.resolveAccessToken();
      if (token === undefined) throw missingCredential(spec);
      assertValidHeader('Authorization', token);
      headers['authorization'] = `Bearer ${token}`;
    }
    const init: PreparedRequest['init'] = { method: spec.method.toUpperCase(), headers, body: body.body ?? null };
    // Node's fetch refuses a stream body unless told it is sent half-duplex.
    if (body.oneShot) init.duplex = 'half';
    return {
      url,
      init,
      oneShot: body.oneShot,
      token,
      // setTimeout fires at once for delays above 2^31-1 ms, so clamp.
      timeoutMs: Math.min(options.timeoutMs ?? config.timeoutMs, MAX_TIMER_MS),
      maxRetries: options.maxRetries ?? config.maxRetries,
      signal: options.signal,
    };
  }

  async #send<R>(req: PreparedRequest, timeBody: boolean, handle: Handler<R>): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      if (req.signal?.aborted) throw AbortError.fromSignal(req.signal);
      const canRetry = attempt < req.maxRetries && !req.oneShot;
      const outcome = await this.#attempt(req, attempt, canRetry, timeBody, handle);
      if (outcome.ok) return outcome.value;
      if (!canRetry) throw outcome.error;
      await this.sleep(outcome.delayMs, req.signal).catch((error: unknown) => {
        throw req.signal?.aborted ? AbortError.fromSignal(req.signal) : error;
      });
    }
  }

  /**
   * One fetch under its own AbortController, which the time limit and the
   * caller's signal both abort. With `timeBody` the limit also covers reading
   * the body; streams stop the clock once headers arrive.
   */
  async #attempt<R>(req: PreparedRequest, attempt: number, canRetry: boolean, timeBody: boolean, handle: Handler<R>): Promise<Outcome<R>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`Request timed out after ${req.timeoutMs} ms`, 'TimeoutError'));
    }, req.timeoutMs);
    const onCallerAbort = () => controller.abort(req.signal?.reason);
    req.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const unlink = () => req.signal?.removeEventListener('abort', onCallerAbort);
    let keepLinked = false;

    const transportFailure = (cause: unknown): Outcome<R> => {
      if (req.signal?.aborted) throw AbortError.fromSignal(req.signal);
      // HTTP errors and bad JSON are final; only transport problems are retried.
      if (cause instanceof ApiError) throw cause;
      const error = timedOut
        ? new TimeoutError(`Request timed out after ${req.timeoutMs} ms`, { cause })
        : new ConnectionError(`Connection error: ${describe(cause)}`, { cause });
      return { ok: false, error, delayMs: canRetry ? this.#backoff(attempt, undefined) : 0 };
    };

    try {
      let response: Response;
      try {
        const fetchFn = this.configuration.fetch ?? globalThis.fetch;
        response = await fetchFn(req.url, { ...req.init, signal: controller.signal });
      } catch (cause) {
        return transportFailure(cause);
      }
      if (!timeBody) clearTimeout(timer);
      try {
        if (response.ok) {
          const value = await handle(response, controller, unlink);
          keepLinked = !timeBody;
          return { ok: true, value };
        }
        if (canRetry && shouldRetryResponse(response.status, response.headers)) {
          await response.body?.cancel().catch(() => undefined);
          const error = ApiError.fromResponse(response.status, undefined, response.headers);
          return { ok: false, error, delayMs: this.#backoff(attempt, response.headers) };
        }
        throw await errorFromResponse(response, req.token);
      } catch (cause) {
        return transportFailure(cause);
      }
    } finally {
      clearTimeout(timer);
      if (!keepLinked) unlink();
    }
  }

  #backoff(attempt: number, headers: Headers | undefined): number {
    return retryDelayMs(attempt, headers, this.retryPolicy);
  }
}

async function readBody(response: Response, type: ResponseType): Promise<unknown> {
  switch (type) {
    case 'binary':
      return response.blob();
    case 'text':
      return response.text();
    case 'void':
      await response.body?.cancel();
      return undefined;
    case 'json': {
      const text = await response.text();
      if (text === '') return undefined;
      try {
        // Plain JSON.parse keeps unknown fields and defines "__proto__" as an
        // ordinary own key, so a hostile body cannot reach Object.prototype.
        return JSON.parse(text);
      } catch (cause) {
        throw new ApiError(`${response.status} response body is not valid JSON`, {
          status: response.status,
          body: text,
          headers: headersToRecord(response.headers),
          cause,
        });
      }
    }
  }
}

/** Builds the typed error, scrubbing the access token should the server echo it back. */
async function errorFromResponse(response: Response, token: string | undefined): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // An unreadable error body still deserves the status-based error.
  }
  if (token) text = text.split(token).join('[redacted]');
  let body: unknown = text === '' ? undefined : text;
  try {
    // Parsed, then scrubbed again: JSON escapes (`\/`, `\u0041`) can hide the token from the text pass.
    if (text) body = token ? redactStrings(JSON.parse(text), token) : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return ApiError.fromResponse(response.status, body, response.headers);
}

function redactStrings(value: unknown, token: string): unknown {
  if (typeof value === 'string') return value.split(token).join('[redacted]');
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, token));
  if (value !== null && typeof value === 'object') {
    // Object.fromEntries defines own properties, so a `__proto__` key stays inert.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.split(token).join('[redacted]'), redactStrings(v, token)]));
  }
  return value;
}

function missingCredential(spec: RequestSpec): MissingCredentialError {
  const env = ACCESS_TOKEN_ENV === undefined ? '' : ` or the ${ACCESS_TOKEN_ENV} environment variable`;
  return new MissingCredentialError(`${spec.method.toUpperCase()} ${spec.path} needs an access token: set accessToken in the Configuration${env}.`);
}

function idOf(item: unknown): string | undefined {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
