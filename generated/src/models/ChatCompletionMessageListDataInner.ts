// Generated from #/components/schemas/ChatCompletionMessageList/properties/data/items by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionResponseMessage } from './ChatCompletionResponseMessage.js';

export type ChatCompletionMessageListDataInner = ChatCompletionResponseMessage & {
  /**
   * Identifier of this stored message.
   */
  id: string;
};
