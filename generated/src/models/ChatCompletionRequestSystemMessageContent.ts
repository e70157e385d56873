// Generated from #/components/schemas/ChatCompletionRequestSystemMessage/properties/content by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestMessageContentPartText } from './ChatCompletionRequestMessageContentPartText.js';

/**
 * The instructions, either as plain text or as a list of text parts.
 */
export type ChatCompletionRequestSystemMessageContent = string | Array<ChatCompletionRequestMessageContentPartText>;
