// Generated from #/components/schemas/CreateChatCompletionResponse/properties/choices/items by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionResponseMessage } from './ChatCompletionResponseMessage.js';
import type { CreateChatCompletionResponseChoicesInnerLogprobs } from './CreateChatCompletionResponseChoicesInnerLogprobs.js';

export interface CreateChatCompletionResponseChoicesInner {
  /**
   * Position of this reply in the list.
   */
  index: number;
  /**
   * Why generation ended: a natural stop or stop text, the token limit, a tool call, a content filter, or the legacy function call.
   */
  finish_reason: 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';
  message: ChatCompletionResponseMessage;
  /**
   * Per-token probability details, when requested.
   */
  logprobs: CreateChatCompletionResponseChoicesInnerLogprobs | null;
}
