// Generated from #/components/schemas/ChatCompletionRequestMessageContentPartText by openai-ts-codegen. Do not edit: regenerate.
/**
 * A run of plain text.
 */
export interface ChatCompletionRequestMessageContentPartText {
  /**
   * Kind of part; always `text`.
   */
  type: 'text';
  /**
   * The text itself.
   */
  text: string;
}
