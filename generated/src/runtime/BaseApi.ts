import { AbortError, ApiError, ConnectionError, TimeoutError } from '../ApiError.js';
import { Configuration, type ConfigurationParameters } from '../Configuration.js';
import { authorize } from './auth.js';
import { encodeRequestBody, type PreparedBody } from './body.js';
import { headersToRecord, mergeHeaders } from './headers.js';
import { Redactor } from './redact.js';
import { fetchFollowingRedirects, type FetchInit } from './redirect.js';
import { errorFromResponse, readBody } from './response.js';
import { DEFAULT_RETRY_POLICY, retryDelayWithin, shouldRetryResponse, sleep, type RetryPolicy } from './retry.js';
import { Stream, streamFormatOf } from './Stream.js';
import type { ApiResponse, RequestOptions, RequestSpec, ResponseType } from './types.js';
import { buildUrl } from './url.js';
import { serializeParams, withCookies } from './params.js';
import { queryValueOf, specForPage, walkPages, type Paging } from './pagination.js';
import { isBrowser } from './environment.js';
import { USER_AGENT } from './server.js';
import { refuseCredentialsInClear } from './transport.js';

const NO_BODY: PreparedBody = { body: undefined, contentType: undefined, oneShot: false };

export type { ApiResponse, RequestOptions, RequestSpec, ResponseType } from './types.js';

const MAX_TIMER_MS = 2_147_483_647;

// Browsers send their own User-Agent, and a custom one would need a CORS preflight.
const CLIENT_HEADERS: Record<string, string> = isBrowser() ? {} : { 'user-agent': USER_AGENT };

/** Everything one attempt needs, computed once per call. */
interface PreparedRequest {
  url: string;
  init: FetchInit;
  oneShot: boolean;
  /** Masks this call's token and credential headers in every error it raises. */
  redactor: Redactor;
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

  protected request<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.#request<T>(spec, options, undefined);
  }

  /** `url`, when given, replaces base + path + path and query parameters (a next-page link). */
  async #request<T>(spec: RequestSpec, options: RequestOptions, url: string | undefined): Promise<ApiResponse<T>> {
    const prepared = await this.#prepare(spec, options, spec.accept ?? (spec.responseType === 'json' ? 'application/json' : undefined), url);
    const limit = this.configuration.maxResponseBytes;
    return this.#send(prepared, true, async (response) => ({
      data: (await readBody(response, spec.responseType, limit, prepared.redactor)) as T,
      statusCode: response.status,
      headers: headersToRecord(response.headers),
      response,
    }));
  }

  protected async requestStream<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<Stream<T>> {
    const prepared = await this.#prepare(spec, options, spec.accept ?? 'text/event-stream');
    const { streamIdleTimeoutMs, maxStreamEventLength } = this.configuration;
    return this.#send(prepared, false, async (response, controller, unlink) =>
      new Stream<T>(response, controller, {
        // The body is read as the server says it framed it, else as the spec declares.
        format: streamFormatOf(response.headers.get('content-type')) ?? spec.streamFormat,
        signal: options.signal,
        onClose: unlink,
        idleTimeoutMs: Math.min(streamIdleTimeoutMs, MAX_TIMER_MS),
        maxEventLength: maxStreamEventLength,
        redactor: prepared.redactor,
      }),
    );
  }

  /** Yields every item of every page of the operation `spec`, paged as `paging` says (see pagination.ts). */
  protected paginateBy<T>(paging: Paging, spec: RequestSpec, options: RequestOptions = {}): AsyncIterableIterator<T> {
    const context = { baseUrl: this.configuration.baseUrlFor(spec.servers), initial: (name: string) => queryValueOf(spec, name) };
    return walkPages<T>(paging, context, async (next) => {
      const { data, headers, response } = await this.#request<unknown>(specForPage(spec, next), options, next.url);
      return { body: data, headers, url: response.url };
    });
  }

  /** Waits between attempts. Tests override this to record delays without waiting. */
  protected sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleep(ms, signal);
  }

  async #prepare(spec: RequestSpec, options: RequestOptions, accept: string | undefined, urlOverride?: string): Promise<PreparedRequest> {
    const config = this.configuration;
    const params = serializeParams(spec.params ?? []);
    // Validate caller-supplied headers before doing any work that could have side effects.
    const headers = withCookies(
      mergeHeaders(accept ? { accept } : undefined, CLIENT_HEADERS, config.defaultHeaders, spec.headers, params.headers, options.headers),
      params.cookies,
    );
    const credentials = await authorize(config, spec, headers);
    const url = urlOverride ?? buildUrl(config.baseUrlFor(spec.servers), spec.path, spec.pathParams, credentials.query, params);
    refuseCredentialsInClear(url, credentials.secrets.length > 0, config.allowInsecureHttp);
    const body: PreparedBody = spec.body === undefined ? NO_BODY : await encodeRequestBody(spec, options.contentType);
    if (body.contentType && headers['content-type'] === undefined) headers['content-type'] = body.contentType;
    const init: FetchInit = { method: spec.method.toUpperCase(), headers, body: body.body ?? null };
    // Node's fetch refuses a stream body unless told it is sent half-duplex.
    if (body.oneShot) init.duplex = 'half';
    return {
      url,
      init,
      oneShot: body.oneShot,
      redactor: Redactor.forRequest(credentials.secrets, headers),
      // setTimeout fires at once for delays above 2^31-1 ms, so clamp.
      timeoutMs: Math.min(options.timeoutMs ?? config.timeoutMs, MAX_TIMER_MS),
      maxRetries: options.maxRetries ?? config.maxRetries,
      signal: options.signal,
    };
  }

  async #send<R>(req: PreparedRequest, timeBody: boolean, handle: Handler<R>): Promise<R> {
    try {
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
    } catch (error) {
      // The one exit for every error of the call, so none can carry a credential out.
      throw req.redactor.error(error);
    }
  }

  /**
   * One fetch (with its redirects) under its own AbortController, which the time limit
   * and the caller's signal both abort. The limit covers every byte waited for: headers,
   * error bodies, and with `timeBody` the success body too (a stream's events are then
   * watched by its idle timeout instead). Once a status has arrived nothing is retried
   * except a retryable status itself: the server may already have acted on the request.
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

    const failure = (cause: unknown): Error => {
      if (req.signal?.aborted) throw AbortError.fromSignal(req.signal);
      // HTTP errors, bad JSON and refused redirects are final as they are.
      if (cause instanceof ApiError) throw cause;
      return timedOut
        ? new TimeoutError(`Request timed out after ${req.timeoutMs} ms`, { cause })
        : new ConnectionError(`Connection error: ${describe(cause)}`, { cause });
    };

    try {
      let response: Response;
      try {
        const fetchFn = this.configuration.fetch ?? globalThis.fetch;
        const options = { maxRedirects: this.configuration.maxRedirects, oneShot: req.oneShot, signal: controller.signal };
        response = await fetchFollowingRedirects(fetchFn, { url: req.url, init: req.init }, options);
      } catch (cause) {
        const error = failure(cause);
        const delayMs = canRetry ? retryDelayWithin(attempt, undefined, this.retryPolicy, req.timeoutMs) : undefined;
        return { ok: false, error, delayMs: delayMs ?? 0 };
      }
      try {
        if (response.ok) {
          if (!timeBody) clearTimeout(timer);
          const value = await handle(response, controller, unlink);
          keepLinked = !timeBody;
          return { ok: true, value };
        }
        const delayMs = canRetry && shouldRetryResponse(response.status, response.headers)
          ? retryDelayWithin(attempt, response.headers, this.retryPolicy, req.timeoutMs)
          : undefined;
        if (delayMs !== undefined) {
          await response.body?.cancel().catch(() => undefined);
          return { ok: false, error: ApiError.fromResponse(response.status, undefined, response.headers), delayMs };
        }
        throw await errorFromResponse(response, this.configuration.maxResponseBytes, req.redactor);
      } catch (cause) {
        throw failure(cause);
      }
    } finally {
      clearTimeout(timer);
      if (!keepLinked) unlink();
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
