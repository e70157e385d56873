// Generated from #/components/schemas/CompletionUsage/properties/prompt_tokens_details by openai-ts-codegen. Do not edit: regenerate.
/**
 * How the input tokens break down.
 */
export interface CompletionUsagePromptTokensDetails {
  /**
   * Tokens spent on input audio.
   */
  audio_tokens?: number | undefined;
  /**
   * Input tokens served from the prompt cache.
   */
  cached_tokens?: number | undefined;
}
