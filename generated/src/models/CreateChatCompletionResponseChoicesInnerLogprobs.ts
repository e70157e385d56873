// Generated from #/components/schemas/CreateChatCompletionResponse/properties/choices/items/properties/logprobs by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionTokenLogprob } from './ChatCompletionTokenLogprob.js';

/**
 * Per-token probability details, when requested.
 */
export interface CreateChatCompletionResponseChoicesInnerLogprobs {
  /**
   * Probabilities for the tokens of the reply text.
   */
  content: Array<ChatCompletionTokenLogprob> | null;
  /**
   * Probabilities for the tokens of a refusal.
   */
  refusal: Array<ChatCompletionTokenLogprob> | null;
}
