// Generated from #/components/schemas/ChatCompletionMessageList/properties/data/items/allOf/1 by openai-ts-codegen. Do not edit: regenerate.
export interface ChatCompletionMessageListDataInnerAllOf1 {
  /**
   * Identifier of this stored message.
   */
  id: string;
}
