// Generated from #/components/schemas/ChatCompletionRequestMessageContentPartRefusal by openai-ts-codegen. Do not edit: regenerate.
/**
 * A refusal that the model gave earlier.
 */
export interface ChatCompletionRequestMessageContentPartRefusal {
  /**
   * Kind of part; always `refusal`.
   */
  type: 'refusal';
  /**
   * The words of the refusal.
   */
  refusal: string;
}
