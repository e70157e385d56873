// Generated from #/components/schemas/ChatCompletionMessageList by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionMessageListDataInner } from './ChatCompletionMessageListDataInner.js';

/**
 * A page of the input messages belonging to a stored completion.
 */
export interface ChatCompletionMessageList {
  /**
   * Kind of object; always `list`.
   */
  object: 'list';
  /**
   * The messages on this page.
   */
  data: Array<ChatCompletionMessageListDataInner>;
  /**
   * Id of the first message on this page.
   */
  first_id: string;
  /**
   * Id of the last message on this page.
   */
  last_id: string;
  /**
   * Whether further pages exist.
   */
  has_more: boolean;
}
