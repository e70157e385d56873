// Generated from #/components/schemas/CompletionUsage by openai-ts-codegen. Do not edit: regenerate.
import type { CompletionUsageCompletionTokensDetails } from './CompletionUsageCompletionTokensDetails.js';
import type { CompletionUsagePromptTokensDetails } from './CompletionUsagePromptTokensDetails.js';

/**
 * Token accounting for a single request.
 */
export interface CompletionUsage {
  /**
   * Tokens consumed by the input.
   */
  prompt_tokens: number;
  /**
   * Tokens produced by the model.
   */
  completion_tokens: number;
  /**
   * Input and output tokens together.
   */
  total_tokens: number;
  /**
   * How the output tokens break down.
   */
  completion_tokens_details?: CompletionUsageCompletionTokensDetails | undefined;
  /**
   * How the input tokens break down.
   */
  prompt_tokens_details?: CompletionUsagePromptTokensDetails | undefined;
}
