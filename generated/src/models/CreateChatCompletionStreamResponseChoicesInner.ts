// Generated from #/components/schemas/CreateChatCompletionStreamResponse/properties/choices/items by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionStreamResponseDelta } from './ChatCompletionStreamResponseDelta.js';
import type { CreateChatCompletionStreamResponseChoicesInnerLogprobs } from './CreateChatCompletionStreamResponseChoicesInnerLogprobs.js';

export interface CreateChatCompletionStreamResponseChoicesInner {
  delta: ChatCompletionStreamResponseDelta;
  /**
   * Per-token probability details for this chunk.
   */
  logprobs?: CreateChatCompletionStreamResponseChoicesInnerLogprobs | null | undefined;
  /**
   * Null until the final chunk of this choice, then the reason generation ended.
   */
  finish_reason: 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call' | null;
  /**
   * Which alternative reply this update belongs to.
   */
  index: number;
}
