// Generated from #/components/schemas/ChatCompletionMessageList/properties/data/items by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionMessageListDataInnerAllOf1 } from './ChatCompletionMessageListDataInnerAllOf1.js';
import type { ChatCompletionResponseMessage } from './ChatCompletionResponseMessage.js';

export type ChatCompletionMessageListDataInner = ChatCompletionResponseMessage & ChatCompletionMessageListDataInnerAllOf1;
