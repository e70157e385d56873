// Generated from #/components/schemas/ChatCompletionDeleted by openai-ts-codegen. Do not edit: regenerate.
/**
 * Acknowledgement returned after a stored completion is removed.
 */
export interface ChatCompletionDeleted {
  /**
   * Kind of object; always `chat.completion.deleted`.
   */
  object: 'chat.completion.deleted';
  /**
   * Identifier of the completion that was removed.
   */
  id: string;
  /**
   * True when the removal succeeded.
   */
  deleted: boolean;
}
