// Generated from the OpenAPI document by openai-ts-codegen. Do not edit: regenerate.
import { BaseApi, type ApiResponse, type RequestOptions, type RequestSpec } from '../runtime/BaseApi.js';
import { multipartBody } from '../runtime/body.js';
import { SECURITY_SCHEMES } from '../runtime/server.js';
import type { ApiErrorOf } from '../ApiError.js';
import type { CreateFileRequest } from '../models/CreateFileRequest.js';
import type { ErrorResponse } from '../models/ErrorResponse.js';
import type { OpenAIFile } from '../models/OpenAIFile.js';

/** What `createFile` throws for the error responses the spec declares; narrow by `status`. */
export type CreateFileError = ApiErrorOf<{ default: ErrorResponse }>;

/** What `downloadFile` throws for the error responses the spec declares; narrow by `status`. */
export type DownloadFileError = ApiErrorOf<{ default: ErrorResponse }>;

/**
 * Files operations.
 */
export class FilesApi extends BaseApi {
  /**
   * Upload a file
   *
   * Stores a file so that other endpoints can refer to it by id. The `purpose` decides which endpoints may use it.
   * @param createFileRequest
   * @param options Per-request options: signal, timeoutMs, maxRetries, headers.
   * @throws {CreateFileError} the error responses the spec declares, narrowed by `status`
   */
  async createFile(createFileRequest: CreateFileRequest, options?: RequestOptions): Promise<OpenAIFile> {
    return (await this.createFileWithHttpInfo(createFileRequest, options)).data;
  }

  /** Like `createFile`, resolving to `{ data, statusCode, headers }`. */
  async createFileWithHttpInfo(createFileRequest: CreateFileRequest, options?: RequestOptions): Promise<ApiResponse<OpenAIFile>> {
    return this.request<OpenAIFile>(spec_createFile(createFileRequest), options);
  }

  /**
   * Download file contents
   *
   * Streams back the exact bytes that were uploaded.
   * @param fileId Identifier of the file to download, as returned by the upload call.
   * @param options Per-request options: signal, timeoutMs, maxRetries, headers.
   * @throws {DownloadFileError} the error responses the spec declares, narrowed by `status`
   */
  async downloadFile(fileId: string, options?: RequestOptions): Promise<Blob> {
    return (await this.downloadFileWithHttpInfo(fileId, options)).data;
  }

  /** Like `downloadFile`, resolving to `{ data, statusCode, headers }`. */
  async downloadFileWithHttpInfo(fileId: string, options?: RequestOptions): Promise<ApiResponse<Blob>> {
    return this.request<Blob>(spec_downloadFile(fileId), options);
  }

}

/** What `createFile` sends: built once here for each of its methods. */
function spec_createFile(createFileRequest: CreateFileRequest): RequestSpec {
  return {
    method: 'POST',
    path: '/files',
    body: createFileRequest,
    encodeBody: multipartBody,
    mediaType: 'multipart/form-data',
    responseType: 'json',
    accept: 'application/json',
    security: [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }],
  };
}

/** What `downloadFile` sends: built once here for each of its methods. */
function spec_downloadFile(fileId: string): RequestSpec {
  return {
    method: 'GET',
    path: '/files/{file_id}/content',
    params: [
      { name: 'file_id', in: 'path', value: fileId },
    ],
    responseType: 'binary',
    accept: 'application/octet-stream',
    security: [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }],
  };
}
