// Generated from #/components/schemas/ChatCompletionList by openai-ts-codegen. Do not edit: regenerate.
import type { CreateChatCompletionResponse } from './CreateChatCompletionResponse.js';

/**
 * A page of stored chat completions.
 */
export interface ChatCompletionList {
  /**
   * Kind of object; always `list`.
   */
  object: 'list';
  /**
   * The completions on this page.
   */
  data: Array<CreateChatCompletionResponse>;
  /**
   * Id of the first completion on this page.
   */
  first_id: string;
  /**
   * Id of the last completion on this page; pass it as `after` to continue.
   */
  last_id: string;
  /**
   * Whether further pages exist.
   */
  has_more: boolean;
}
