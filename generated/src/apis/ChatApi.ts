// Generated from the OpenAPI document by openai-ts-codegen. Do not edit: regenerate.
import { BaseApi, type ApiResponse, type RequestOptions, type RequestSpec } from '../runtime/BaseApi.js';
import { cursorPaging } from '../runtime/pagination.js';
import { SECURITY_SCHEMES } from '../runtime/server.js';
import type { Stream } from '../runtime/Stream.js';
import type { ApiErrorOf } from '../ApiError.js';
import type { ChatCompletionDeleted } from '../models/ChatCompletionDeleted.js';
import type { ChatCompletionList } from '../models/ChatCompletionList.js';
import type { ChatCompletionMessageList } from '../models/ChatCompletionMessageList.js';
import type { ChatCompletionMessageListDataInner } from '../models/ChatCompletionMessageListDataInner.js';
import type { CreateChatCompletionRequest } from '../models/CreateChatCompletionRequest.js';
import type { CreateChatCompletionResponse } from '../models/CreateChatCompletionResponse.js';
import type { CreateChatCompletionStreamResponse } from '../models/CreateChatCompletionStreamResponse.js';
import type { ErrorResponse } from '../models/ErrorResponse.js';
import type { UpdateChatCompletionRequest } from '../models/UpdateChatCompletionRequest.js';

/** Optional parameters. */
export interface ListChatCompletionsOpts {
  /**
   * Keep only completions produced by this model.
   */
  model?: string | undefined;
  /**
   * Keep only completions whose metadata contains every given pair, written as `metadata[key]=value`.
   */
  metadata?: Record<string, string> | undefined;
  /**
   * Cursor; the id of the last completion seen on the previous page.
   */
  after?: string | undefined;
  /**
   * How many completions to return in one page.
   */
  limit?: number | undefined;
  /**
   * Sort direction by creation time, `asc` for oldest first or `desc` for newest first.
   */
  order?: 'asc' | 'desc' | undefined;
  /**
   * Identifier of the organization to bill and to scope the listing to, for accounts that belong to more than one organization.
   */
  openAIOrganization?: string | undefined;
}

/** Optional parameters. */
export interface GetChatCompletionMessagesOpts {
  /**
   * Cursor; the id of the last message seen on the previous page.
   */
  after?: string | undefined;
  /**
   * How many messages to return in one page.
   */
  limit?: number | undefined;
  /**
   * Sort direction by position in the conversation.
   */
  order?: 'asc' | 'desc' | undefined;
}

/** What `listChatCompletions` throws for the error responses the spec declares; narrow by `status`. */
export type ListChatCompletionsError = ApiErrorOf<{ default: ErrorResponse }>;

/** What `createChatCompletion` throws for the error responses the spec declares; narrow by `status`. */
export type CreateChatCompletionError = ApiErrorOf<{ default: ErrorResponse }>;

/** What `getChatCompletion` throws for the error responses the spec declares; narrow by `status`. */
export type GetChatCompletionError = ApiErrorOf<{ 404: ErrorResponse; default: ErrorResponse }>;

/** What `updateChatCompletion` throws for the error responses the spec declares; narrow by `status`. */
export type UpdateChatCompletionError = ApiErrorOf<{ default: ErrorResponse }>;

/** What `deleteChatCompletion` throws for the error responses the spec declares; narrow by `status`. */
export type DeleteChatCompletionError = ApiErrorOf<{ default: ErrorResponse }>;

/** What `getChatCompletionMessages` throws for the error responses the spec declares; narrow by `status`. */
export type GetChatCompletionMessagesError = ApiErrorOf<{ default: ErrorResponse }>;

/**
 * Chat operations.
 */
export class ChatApi extends BaseApi {
  /**
   * Page through stored chat completions
   *
   * Pages through completions that were created with `store` set to true. Only completions made with the calling key's project are visible. Never send `*\/` or `${secrets}` in a filter; markup such as <script>alert(1)</script> is treated as plain text.
   * @param opts Optional parameters.
   * @param options Per-request options: signal, timeoutMs, maxRetries, headers.
   * @throws {ListChatCompletionsError} the error responses the spec declares, narrowed by `status`
   */
  async listChatCompletions(opts?: ListChatCompletionsOpts, options?: RequestOptions): Promise<ChatCompletionList> {
    return (await this.listChatCompletionsWithHttpInfo(opts, options)).data;
  }

  /** Like `listChatCompletions`, resolving to `{ data, statusCode, headers }`. */
  async listChatCompletionsWithHttpInfo(opts?: ListChatCompletionsOpts, options?: RequestOptions): Promise<ApiResponse<ChatCompletionList>> {
    return this.request<ChatCompletionList>(spec_listChatCompletions(opts), options);
  }

  /** Every item of every page, following the cursor each page gives; stops on an empty page or a repeated one. */
  listChatCompletionsAll(opts?: ListChatCompletionsOpts, options?: RequestOptions): AsyncIterableIterator<CreateChatCompletionResponse> {
    return this.paginateBy<CreateChatCompletionResponse>(cursorPaging({ param: 'after', itemsField: 'data', nextField: 'last_id', hasMoreField: 'has_more', itemCursorField: 'id' }), spec_listChatCompletions(opts), options);
  }

  /**
   * Create a chat completion
   *
   * Sends a list of conversation turns to a model and returns its reply. When `stream` is true the reply arrives as a sequence of server-sent events, each carrying one chunk object; otherwise a single JSON object is returned.
   * @param createChatCompletionRequest
   * @param options Per-request options: signal, timeoutMs, maxRetries, headers.
   * @throws {CreateChatCompletionError} the error responses the spec declares, narrowed by `status`
   */
  createChatCompletion(createChatCompletionRequest: CreateChatCompletionRequest & { stream: true }, options?: RequestOptions): Promise<Stream<CreateChatCompletionStreamResponse>>;
  createChatCompletion(createChatCompletionRequest: CreateChatCompletionRequest & { stream?: false | null }, options?: RequestOptions): Promise<CreateChatCompletionResponse>;
  createChatCompletion(createChatCompletionRequest: CreateChatCompletionRequest, options?: RequestOptions): Promise<CreateChatCompletionResponse | Stream<CreateChatCompletionStreamResponse>>;
  async createChatCompletion(createChatCompletionRequest: CreateChatCompletionRequest, options?: RequestOptions): Promise<CreateChatCompletionResponse | Stream<CreateChatCompletionStreamResponse>> {
    if (createChatCompletionRequest.stream === true) return this.createChatCompletionStream(createChatCompletionRequest, options);
    return (await this.createChatCompletionWithHttpInfo(createChatCompletionRequest as CreateChatCompletionRequest & { stream?: false | null }, options)).data;
  }

  /** Like `createChatCompletion`, resolving to `{ data, statusCode, headers }`. */
  async createChatCompletionWithHttpInfo(createChatCompletionRequest: CreateChatCompletionRequest & { stream?: false | null }, options?: RequestOptions): Promise<ApiResponse<CreateChatCompletionResponse>> {
    return this.request<CreateChatCompletionResponse>(spec_createChatCompletion(createChatCompletionRequest), options);
  }

  /** Streams the response as server-sent events, one parsed chunk at a time. */
  async createChatCompletionStream(createChatCompletionRequest: CreateChatCompletionRequest, options?: RequestOptions): Promise<Stream<CreateChatCompletionStreamResponse>> {
    return this.requestStream<CreateChatCompletionStreamResponse>({ ...spec_createChatCompletion(createChatCompletionRequest), body: { ...createChatCompletionRequest, stream: true }, accept: 'text/event-stream' }, options);
  }

  /**
   * Retrieve a stored chat completion
   *
   * Looks up one completion that was saved with `store` set to true.
   * @param completionId Identifier of the stored completion to fetch.
   * @param options Per-request options: signal, timeoutMs, maxRetries, headers.
   * @throws {GetChatCompletionError} the error responses the spec declares, narrowed by `status`
   */
  async getChatCompletion(completionId: string, options?: RequestOptions): Promise<CreateChatCompletionResponse> {
    return (await this.getChatCompletionWithHttpInfo(completionId, options)).data;
  }

  /** Like `getChatCompletion`, resolving to `{ data, statusCode, headers }`. */
  async getChatCompletionWithHttpInfo(completionId: string, options?: RequestOptions): Promise<ApiResponse<CreateChatCompletionResponse>> {
    return this.request<CreateChatCompletionResponse>(spec_getChatCompletion(completionId), options);
  }

  /**
   * Update a stored chat completion
   *
   * Replaces the metadata of a stored completion. Metadata is the only field that can be changed after creation.
   * @param completionId Identifier of the stored completion to change.
   * @param updateChatCompletionRequest
   * @param options Per-request options: signal, timeoutMs, maxRetries, headers.
   * @throws {UpdateChatCompletionError} the error responses the spec declares, narrowed by `status`
   */
  async updateChatCompletion(completionId: string, updateChatCompletionRequest: UpdateChatCompletionRequest, options?: RequestOptions): Promise<CreateChatCompletionResponse> {
    return (await this.updateChatCompletionWithHttpInfo(completionId, updateChatCompletionRequest, options)).data;
  }

  /** Like `updateChatCompletion`, resolving to `{ data, statusCode, headers }`. */
  async updateChatCompletionWithHttpInfo(completionId: string, updateChatCompletionRequest: UpdateChatCompletionRequest, options?: RequestOptions): Promise<ApiResponse<CreateChatCompletionResponse>> {
    return this.request<CreateChatCompletionResponse>(spec_updateChatCompletion(completionId, updateChatCompletionRequest), options);
  }

  /**
   * Remove a stored chat completion
   *
   * Permanently removes a stored completion and its messages.
   * @param completionId Identifier of the stored completion to remove.
   * @param options Per-request options: signal, timeoutMs, maxRetries, headers.
   * @throws {DeleteChatCompletionError} the error responses the spec declares, narrowed by `status`
   */
  async deleteChatCompletion(completionId: string, options?: RequestOptions): Promise<ChatCompletionDeleted> {
    return (await this.deleteChatCompletionWithHttpInfo(completionId, options)).data;
  }

  /** Like `deleteChatCompletion`, resolving to `{ data, statusCode, headers }`. */
  async deleteChatCompletionWithHttpInfo(completionId: string, options?: RequestOptions): Promise<ApiResponse<ChatCompletionDeleted>> {
    return this.request<ChatCompletionDeleted>(spec_deleteChatCompletion(completionId), options);
  }

  /**
   * List the messages of a stored chat completion
   *
   * Returns, page by page, the input messages that were sent when the stored completion was created.
   * @param completionId Identifier of the stored completion whose messages are wanted.
   * @param opts Optional parameters.
   * @param options Per-request options: signal, timeoutMs, maxRetries, headers.
   * @throws {GetChatCompletionMessagesError} the error responses the spec declares, narrowed by `status`
   */
  async getChatCompletionMessages(completionId: string, opts?: GetChatCompletionMessagesOpts, options?: RequestOptions): Promise<ChatCompletionMessageList> {
    return (await this.getChatCompletionMessagesWithHttpInfo(completionId, opts, options)).data;
  }

  /** Like `getChatCompletionMessages`, resolving to `{ data, statusCode, headers }`. */
  async getChatCompletionMessagesWithHttpInfo(completionId: string, opts?: GetChatCompletionMessagesOpts, options?: RequestOptions): Promise<ApiResponse<ChatCompletionMessageList>> {
    return this.request<ChatCompletionMessageList>(spec_getChatCompletionMessages(completionId, opts), options);
  }

  /** Every item of every page, following the cursor each page gives; stops on an empty page or a repeated one. */
  getChatCompletionMessagesAll(completionId: string, opts?: GetChatCompletionMessagesOpts, options?: RequestOptions): AsyncIterableIterator<ChatCompletionMessageListDataInner> {
    return this.paginateBy<ChatCompletionMessageListDataInner>(cursorPaging({ param: 'after', itemsField: 'data', nextField: 'last_id', hasMoreField: 'has_more', itemCursorField: 'id' }), spec_getChatCompletionMessages(completionId, opts), options);
  }

}

/** What `listChatCompletions` sends: built once here for each of its methods. */
function spec_listChatCompletions(opts?: ListChatCompletionsOpts): RequestSpec {
  return {
    method: 'GET',
    path: '/chat/completions',
    params: [
      { name: 'model', in: 'query', value: opts?.model },
      { name: 'metadata', in: 'query', style: 'deepObject', explode: true, value: opts?.metadata },
      { name: 'after', in: 'query', value: opts?.after },
      { name: 'limit', in: 'query', value: opts?.limit },
      { name: 'order', in: 'query', value: opts?.order },
      { name: 'OpenAI-Organization', in: 'header', value: opts?.openAIOrganization },
    ],
    responseType: 'json',
    accept: 'application/json',
    security: [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }],
  };
}

/** What `createChatCompletion` sends: built once here for each of its methods. */
function spec_createChatCompletion(createChatCompletionRequest: CreateChatCompletionRequest): RequestSpec {
  return {
    method: 'POST',
    path: '/chat/completions',
    body: createChatCompletionRequest,
    responseType: 'json',
    accept: 'application/json',
    security: [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }],
  };
}

/** What `getChatCompletion` sends: built once here for each of its methods. */
function spec_getChatCompletion(completionId: string): RequestSpec {
  return {
    method: 'GET',
    path: '/chat/completions/{completion_id}',
    params: [
      { name: 'completion_id', in: 'path', value: completionId },
    ],
    responseType: 'json',
    accept: 'application/json',
    security: [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }],
  };
}

/** What `updateChatCompletion` sends: built once here for each of its methods. */
function spec_updateChatCompletion(completionId: string, updateChatCompletionRequest: UpdateChatCompletionRequest): RequestSpec {
  return {
    method: 'POST',
    path: '/chat/completions/{completion_id}',
    params: [
      { name: 'completion_id', in: 'path', value: completionId },
    ],
    body: updateChatCompletionRequest,
    responseType: 'json',
    accept: 'application/json',
    security: [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }],
  };
}

/** What `deleteChatCompletion` sends: built once here for each of its methods. */
function spec_deleteChatCompletion(completionId: string): RequestSpec {
  return {
    method: 'DELETE',
    path: '/chat/completions/{completion_id}',
    params: [
      { name: 'completion_id', in: 'path', value: completionId },
    ],
    responseType: 'json',
    accept: 'application/json',
    security: [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }],
  };
}

/** What `getChatCompletionMessages` sends: built once here for each of its methods. */
function spec_getChatCompletionMessages(completionId: string, opts?: GetChatCompletionMessagesOpts): RequestSpec {
  return {
    method: 'GET',
    path: '/chat/completions/{completion_id}/messages',
    params: [
      { name: 'completion_id', in: 'path', value: completionId },
      { name: 'after', in: 'query', value: opts?.after },
      { name: 'limit', in: 'query', value: opts?.limit },
      { name: 'order', in: 'query', value: opts?.order },
    ],
    responseType: 'json',
    accept: 'application/json',
    security: [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }],
  };
}
