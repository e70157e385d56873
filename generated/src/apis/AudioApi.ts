// Generated from the OpenAPI document by openai-ts-codegen. Do not edit: regenerate.
import { BaseApi, type ApiResponse, type RequestOptions, type RequestSpec } from '../runtime/BaseApi.js';
import { SECURITY_SCHEMES } from '../runtime/server.js';
import type { ApiErrorOf } from '../ApiError.js';
import type { CreateSpeechRequest } from '../models/CreateSpeechRequest.js';
import type { ErrorResponse } from '../models/ErrorResponse.js';

/** What `createSpeech` throws for the error responses the spec declares; narrow by `status`. */
export type CreateSpeechError = ApiErrorOf<{ default: ErrorResponse }>;

/**
 * Audio operations.
 */
export class AudioApi extends BaseApi {
  /**
   * Synthesize speech
   *
   * Reads the given text aloud and returns the encoded audio.
   * @param createSpeechRequest
   * @param options Per-request options: signal, timeoutMs, maxRetries, headers.
   * @throws {CreateSpeechError} the error responses the spec declares, narrowed by `status`
   */
  async createSpeech(createSpeechRequest: CreateSpeechRequest, options?: RequestOptions): Promise<Blob> {
    return (await this.createSpeechWithHttpInfo(createSpeechRequest, options)).data;
  }

  /** Like `createSpeech`, resolving to `{ data, statusCode, headers }`. */
  async createSpeechWithHttpInfo(createSpeechRequest: CreateSpeechRequest, options?: RequestOptions): Promise<ApiResponse<Blob>> {
    return this.request<Blob>(spec_createSpeech(createSpeechRequest), options);
  }

}

/** What `createSpeech` sends: built once here for each of its methods. */
function spec_createSpeech(createSpeechRequest: CreateSpeechRequest): RequestSpec {
  return {
    method: 'POST',
    path: '/audio/speech',
    body: createSpeechRequest,
    responseType: 'binary',
    accept: 'audio/mpeg',
    security: [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }],
  };
}
