// Generated from #/components/schemas/ChatCompletionMessageToolCallChunk by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionMessageToolCallChunkFunction } from './ChatCompletionMessageToolCallChunkFunction.js';

/**
 * A partial tool call delivered inside a streamed chunk.
 */
export interface ChatCompletionMessageToolCallChunk {
  /**
   * Position of the tool call this fragment belongs to.
   */
  index: number;
  /**
   * Identifier of the call; present only on its first fragment.
   */
  id?: string | undefined;
  /**
   * Kind of tool being called.
   */
  type?: 'function' | undefined;
  /**
   * Fragments of the function name and arguments.
   */
  function?: ChatCompletionMessageToolCallChunkFunction | undefined;
}
