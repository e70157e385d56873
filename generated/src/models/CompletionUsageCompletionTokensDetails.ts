// Generated from #/components/schemas/CompletionUsage/properties/completion_tokens_details by openai-ts-codegen. Do not edit: regenerate.
/**
 * How the output tokens break down.
 */
export interface CompletionUsageCompletionTokensDetails {
  /**
   * Tokens from a supplied prediction that ended up in the reply.
   */
  accepted_prediction_tokens?: number | undefined;
  /**
   * Tokens spent on generated audio.
   */
  audio_tokens?: number | undefined;
  /**
   * Hidden tokens the model used to think before answering.
   */
  reasoning_tokens?: number | undefined;
  /**
   * Tokens from a supplied prediction that were discarded but still billed.
   */
  rejected_prediction_tokens?: number | undefined;
}
