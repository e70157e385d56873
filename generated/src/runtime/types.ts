import type { SecurityRequirement } from './auth.js';
import type { BodyEncoder } from './body.js';
import type { ParamSpec } from './params.js';
import type { ServerSpec } from './servers.js';
import type { StreamFormat } from './Stream.js';

// Every field accepts undefined, so `{ signal }` with `AbortSignal | undefined` compiles under exactOptionalPropertyTypes.
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  headers?: Record<string, string> | undefined;
  /**
   * The request body's media type, for an operation that offers several (`RequestSpec.otherMediaTypes`);
   * the spec's first one when absent.
   */
  contentType?: string | undefined;
}

export interface ApiResponse<T> {
  data: T;
  statusCode: number;
  headers: Record<string, string>;
  /**
   * The raw Response, for its status, headers and URL. Its body has already been read into
   * `data` (within maxResponseBytes), so it cannot be read again; a Stream's is read by the Stream.
   */
  response: Response;
}

export type ResponseType = 'json' | 'text' | 'binary' | 'void';

export interface RequestSpec {
  method: string;
  /** Template such as '/chat/completions/{completion_id}'. */
  path: string;
  pathParams?: Record<string, string | number | boolean> | undefined;
  /** undefined/null dropped; arrays repeat the key; objects use deepObject `key[sub]=v`; Date => ISO string. */
  query?: Record<string, unknown> | undefined;
  headers?: Record<string, string | number | boolean | ReadonlyArray<string | number | boolean> | null | undefined> | undefined;
  /**
   * Parameters with their OpenAPI style (see params.ts), serialized after `pathParams`, `query`
   * and `headers`: a path parameter here wins over `pathParams`, query pairs follow `query`,
   * header parameters win over `headers`, cookie parameters join any Cookie header into one.
   */
  params?: readonly ParamSpec[] | undefined;
  /** The path's or operation's own servers, used instead of the configured server unless basePath is set. */
  servers?: readonly ServerSpec[] | undefined;
  body?: unknown;
  /** How to encode `body`; JSON when absent (see jsonBody, multipartBody, formBody, textBody, binaryBody). */
  encodeBody?: BodyEncoder | undefined;
  /**
   * The spec's (first) request media type, given to `encodeBody`, which sends it verbatim as
   * Content-Type (`application/merge-patch+json; charset=utf-8`) unless the caller set one.
   */
  mediaType?: string | undefined;
  /** The operation's further request media types, each with its encoder; `RequestOptions.contentType` picks one. */
  otherMediaTypes?: Readonly<Record<string, BodyEncoder>> | undefined;
  /** 'binary' resolves to a Blob, 'void' to undefined. */
  responseType: ResponseType;
  /**
   * The Accept header: the media types the operation answers with, as the spec lists them
   * (a stream's own type for its `...Stream` method). When absent, `application/json` for a
   * JSON response and `text/event-stream` for a stream. A caller's `accept` header wins.
   */
  accept?: string | undefined;
  /**
   * How a stream's items are framed when the response's Content-Type does not say:
   * server-sent events when absent, `json-lines` or `json-seq`.
   */
  streamFormat?: StreamFormat | undefined;
  /**
   * The operation's security: alternatives (any one will do), each naming the schemes it needs
   * together; `{}` allows a call without credentials, `[]` means none are needed. The first
   * alternative the Configuration can satisfy is sent; a MissingCredentialError, before sending, when none.
   */
  security?: readonly SecurityRequirement[] | undefined;
}
