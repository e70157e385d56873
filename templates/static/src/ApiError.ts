import { readField } from './runtime/pagination.js';
import { ERROR_MESSAGE_FIELDS } from './runtime/server.js';

/**
 * The error object of an error response or stream error event: the body's `error` object when it
 * has one, else the body itself (`{ message, code }`, an RFC 9457 problem `{ type, title, detail }`).
 */
export interface ApiErrorObject {
  message?: string | undefined;
  type?: string | undefined;
  code?: string | null | undefined;
  param?: string | null | undefined;
  [key: string]: unknown;
}

export interface ApiErrorInit {
  status?: number | undefined;
  body?: unknown;
  headers?: Record<string, string> | undefined;
  cause?: unknown;
}

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type NumberOf<T> = T extends `${infer N extends number}` ? N : never;

/** Every status of a class: `StatusRange<4>` is `400 | 401 | … | 499`. */
export type StatusRange<C extends 1 | 2 | 3 | 4 | 5> = NumberOf<`${C}${Digit}${Digit}`>;

/** The statuses an ApiError can carry for an answer: all but 2XX. */
export type ErrorStatus = StatusRange<1 | 3 | 4 | 5>;

type ExplicitStatus<R> = NumberOf<`${Extract<keyof R, string | number>}`>;
type RangeStatus<K> = K extends `${infer C extends 1 | 2 | 3 | 4 | 5}XX` ? StatusRange<C> : never;
type DeclaredStatus<R> = ExplicitStatus<R> | RangeStatus<keyof R>;
/** The statuses a key of the spec's responses covers: its code, its range less the explicit codes, or `default`'s rest. */
type StatusOf<R, K> = K extends 'default'
  ? Exclude<ErrorStatus, DeclaredStatus<R>>
  : K extends `${1 | 2 | 3 | 4 | 5}XX`
    ? Exclude<RangeStatus<K>, ExplicitStatus<R>>
    : NumberOf<`${K & (string | number)}`>;
type Undeclared<R> = 'default' extends keyof R ? never : Exclude<ErrorStatus, DeclaredStatus<R>>;

/**
 * The errors one operation can throw, from its error responses as the spec declares them:
 * `ApiErrorOf<{ 404: NotFound; '5XX': ServerError; default: Problem }>`. A union narrowed by
 * `status`, so `if (e.status === 404) e.body` is a `NotFound`; statuses the spec does not
 * declare have an `unknown` body, and `status` is undefined when no answer arrived (connection,
 * time limit, abort, missing credential) or 2XX when a success body could not be read.
 * Bodies are typed, not checked: a server that breaks its spec can send anything.
 */
export type ApiErrorOf<R extends object> =
  | { [K in keyof R]-?: ApiError<StatusOf<R, K>, R[K]> }[keyof R]
  | ([Undeclared<R>] extends [never] ? never : ApiError<Undeclared<R>, unknown>)
  | ApiError<undefined | StatusRange<2>, unknown>;

/**
 * Base class of every error the client raises for a request it attempted. `Status` and `Body`
 * narrow what an operation's errors carry (see ApiErrorOf); both are wide by default.
 */
export class ApiError<Status extends number | undefined = number | undefined, Body = unknown> extends Error {
  readonly status: Status;
  /** Parsed JSON when the body was JSON, else the text (undefined when empty). */
  readonly body: Body;
  /** Response headers with lower-case names. Request headers are never stored. */
  readonly headers: Record<string, string>;
  readonly requestId: string | undefined;
  readonly error: ApiErrorObject | undefined;
  readonly code: string | null | undefined;
  readonly type: string | undefined;
  readonly param: string | null | undefined;

  constructor(message: string, init: ApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    // The caller (fromResponse, or a generated operation's declared type) vouches for the narrowing.
    this.status = init.status as Status;
    this.body = init.body as Body;
    this.headers = init.headers ?? {};
    this.requestId = this.headers['x-request-id'];
    this.error = errorObjectOf(init.body);
    this.code = stringOrNull(this.error?.code);
    this.type = typeof this.error?.type === 'string' ? this.error.type : undefined;
    this.param = stringOrNull(this.error?.param);
  }

  /** Picks the subclass that matches `status`. */
  static fromResponse(
    status: number,
    body: unknown,
    headers: Record<string, string> | Headers = {},
  ): ApiError {
    const init: ApiErrorInit = { status, body, headers: headerRecord(headers) };
    const message = responseMessage(status, body);
    const Subclass = subclassFor(status);
    return new Subclass(message, init);
  }

  // Explicit so that JSON.stringify never picks up `cause` or anything added later.
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      code: this.code,
      type: this.type,
      param: this.param,
      error: this.error,
    };
  }
}

// Generic like ApiError, so `typeof ApiError` still describes each of them.
export class BadRequestError<Status extends number | undefined = number | undefined, Body = unknown> extends ApiError<Status, Body> {}
export class AuthenticationError<Status extends number | undefined = number | undefined, Body = unknown> extends ApiError<Status, Body> {}
export class PermissionDeniedError<Status extends number | undefined = number | undefined, Body = unknown> extends ApiError<Status, Body> {}
export class NotFoundError<Status extends number | undefined = number | undefined, Body = unknown> extends ApiError<Status, Body> {}
export class ConflictError<Status extends number | undefined = number | undefined, Body = unknown> extends ApiError<Status, Body> {}
export class UnprocessableEntityError<Status extends number | undefined = number | undefined, Body = unknown> extends ApiError<Status, Body> {}
export class RateLimitError<Status extends number | undefined = number | undefined, Body = unknown> extends ApiError<Status, Body> {}
export class InternalServerError<Status extends number | undefined = number | undefined, Body = unknown> extends ApiError<Status, Body> {}

/** The request never produced a response (DNS, refused, reset...). */
export class ConnectionError extends ApiError {
  constructor(message = 'Connection error', init: { cause?: unknown } = {}) {
    super(message, { cause: init.cause });
  }
}

/** The per-attempt time limit elapsed. A ConnectionError so that one catch handles both. */
export class TimeoutError extends ConnectionError {
  constructor(message = 'Request timed out', init: { cause?: unknown } = {}) {
    super(message, init);
  }
}

/** A server-sent event stream failed: an error event, a malformed chunk, or a cut connection. */
export class StreamError extends ApiError {
  constructor(message: string, init: { body?: unknown; cause?: unknown } = {}) {
    super(message, { body: init.body, cause: init.cause });
  }

  /** Builds the error for an `error` event or a chunk with a top-level `error` object. */
  static fromEventData(data: unknown): StreamError {
    return new StreamError(errorMessageOf(data) ?? 'Error event in stream', { body: data });
  }
}

/** The caller's signal aborted the request or the stream; the signal's reason is the `cause`. */
export class AbortError extends ApiError {
  constructor(message = 'Request was aborted', init: { cause?: unknown } = {}) {
    super(message, { cause: init.cause });
    // Fixed rather than the class name, so checks for `name === 'AbortError'` survive minifiers.
    this.name = 'AbortError';
  }

  static fromSignal(signal: AbortSignal): AbortError {
    return new AbortError('Request was aborted', { cause: signal.reason });
  }
}

/** An operation that needs a credential was called without one; nothing was sent. */
export class MissingCredentialError extends ApiError {}

/** A request carrying credentials would have gone over plain http to another machine; nothing was sent (see allowInsecureHttp). */
export class InsecureTransportError extends ApiError {}

type ApiErrorClass = new (message: string, init: ApiErrorInit) => ApiError;

const BY_STATUS: Record<number, ApiErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function subclassFor(status: number): ApiErrorClass {
  return BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

function responseMessage(status: number, body: unknown): string {
  const detail = errorMessageOf(body);
  if (detail !== undefined) return `${status} ${detail}`;
  if (typeof body === 'string' && body) return `${status} ${truncate(body)}`;
  if (body !== undefined && body !== null) return `${status} ${truncate(JSON.stringify(body))}`;
  return `${status} status code (no body)`;
}

/** The first non-empty string among the fields the spec's errors carry their message in (ERROR_MESSAGE_FIELDS). */
function errorMessageOf(body: unknown): string | undefined {
  for (const field of ERROR_MESSAGE_FIELDS) {
    const message = readField(body, field);
    if (typeof message === 'string' && message) return message;
  }
  return undefined;
}

/** `{ error: {...} }`, else the body itself when it carries a message. */
function errorObjectOf(body: unknown): ApiErrorObject | undefined {
  if (!isRecord(body)) return undefined;
  if (isRecord(body['error'])) return body['error'] as ApiErrorObject;
  if (errorMessageOf(body) !== undefined) return body as ApiErrorObject;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function headerRecord(headers: Record<string, string> | Headers): Record<string, string> {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return Object.fromEntries(headers);
  // fromEntries defines own properties, so a `__proto__` header name stays a plain key.
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
