export { BaseApi, type Page } from './BaseApi.js';
export type { ApiResponse, RequestOptions, RequestSpec, ResponseType } from './types.js';
export {
  jsonBody,
  textBody,
  formBody,
  urlEncodedBody,
  multipartBody,
  binaryBody,
  type BodyEncoder,
  type FormEncoding,
  type PreparedBody,
  type PropertyEncoding,
  type RequestBody,
} from './body.js';
export type { SecurityRequirement, SecurityScheme } from './auth.js';
export { Stream, type StreamOptions } from './Stream.js';
export { SseDecoder, readServerSentEvents, type ServerSentEvent, type SseEndState, type SseDecoderOptions } from './sse.js';
export { toFile, buildFormData, type FileData, type ToFileOptions } from './multipart.js';
export { DEFAULT_RETRY_POLICY, retryDelayMs, retryAfterMs, retryDelayWithin, shouldRetryResponse, sleep, type RetryPolicy } from './retry.js';
export { buildUrl, encodePathParam, toSearchParams } from './url.js';
export { serializeParams, withCookies, type ParamSpec, type ParamLocation, type ParamStyle, type SerializedParams } from './params.js';
export {
  walkPages,
  nextLink,
  HAS_MORE_CURSOR,
  type Pagination,
  type CursorPagination,
  type PagePagination,
  type OffsetPagination,
  type LinkPagination,
  type NextUrlPagination,
  type FieldPath,
  type PaginationFields,
  type PageRequest,
  type FetchedPage,
  type WalkContext,
} from './pagination.js';
export { resolveServerUrl, type ServerSpec, type ServerVariable, type ServerVariables } from './servers.js';
export { assertValidHeader } from './headers.js';
export { Redactor } from './redact.js';
export { BASE_PATH, SERVERS, SECURITY_SCHEMES } from './server.js';
export { Configuration, type ConfigurationParameters, type AccessToken, type ApiKey } from '../Configuration.js';
export * from '../ApiError.js';
