// Generated from #/components/schemas/ChatCompletionRequestAssistantMessageContentPart by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestMessageContentPartRefusal } from './ChatCompletionRequestMessageContentPartRefusal.js';
import type { ChatCompletionRequestMessageContentPartText } from './ChatCompletionRequestMessageContentPartText.js';

/**
 * One piece of a multi-part assistant message.
 */
export type ChatCompletionRequestAssistantMessageContentPart = ChatCompletionRequestMessageContentPartText | ChatCompletionRequestMessageContentPartRefusal;
