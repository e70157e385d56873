// Generated from #/components/schemas/ChatCompletionTokenLogprob by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionTokenLogprobTopLogprobsInner } from './ChatCompletionTokenLogprobTopLogprobsInner.js';

/**
 * Likelihood information for one generated token.
 */
export interface ChatCompletionTokenLogprob {
  /**
   * The token as text.
   */
  token: string;
  /**
   * Natural log of the token's probability; -9999.0 marks a negligible value.
   */
  logprob: number;
  /**
   * UTF-8 bytes of the token, useful when characters span several tokens.
   */
  bytes: Array<number> | null;
  /**
   * The most likely alternatives at this position.
   */
  top_logprobs: Array<ChatCompletionTokenLogprobTopLogprobsInner>;
}
