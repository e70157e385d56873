// Generated from #/components/schemas/ChatCompletionStreamResponseDelta by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionMessageToolCallChunk } from './ChatCompletionMessageToolCallChunk.js';
import type { ChatCompletionStreamResponseDeltaFunctionCall } from './ChatCompletionStreamResponseDeltaFunctionCall.js';

/**
 * The part of the reply that is new in this chunk.
 */
export interface ChatCompletionStreamResponseDelta {
  /**
   * Next fragment of the reply text.
   */
  content?: string | null | undefined;
  /**
   * Next fragment of a refusal.
   */
  refusal?: string | null | undefined;
  /**
   * Author role; sent only on the first chunk.
   */
  role?: 'developer' | 'system' | 'user' | 'assistant' | 'tool' | undefined;
  tool_calls?: Array<ChatCompletionMessageToolCallChunk> | undefined;
  /**
   * Fragments of a legacy function request.
   * @deprecated
   */
  function_call?: ChatCompletionStreamResponseDeltaFunctionCall | undefined;
}
