// Generated from #/components/schemas/ChatCompletionNamedToolChoice by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionNamedToolChoiceFunction } from './ChatCompletionNamedToolChoiceFunction.js';

/**
 * Forces the model to call one particular function.
 */
export interface ChatCompletionNamedToolChoice {
  /**
   * Kind of tool being forced.
   */
  type: 'function';
  function: ChatCompletionNamedToolChoiceFunction;
}
