// Generated from #/components/schemas/ChatCompletionMessageToolCall by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionMessageToolCallFunction } from './ChatCompletionMessageToolCallFunction.js';

/**
 * A request from the model to run one of the supplied functions.
 */
export interface ChatCompletionMessageToolCall {
  /**
   * Identifier of this call; echo it back in the matching tool message.
   */
  id: string;
  /**
   * Kind of tool being called. Only functions exist today.
   */
  type: 'function';
  /**
   * Which function to run and with what input.
   */
  function: ChatCompletionMessageToolCallFunction;
}
