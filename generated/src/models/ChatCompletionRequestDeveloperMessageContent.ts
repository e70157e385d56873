// Generated from #/components/schemas/ChatCompletionRequestDeveloperMessage/properties/content by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestMessageContentPartText } from './ChatCompletionRequestMessageContentPartText.js';

/**
 * The guidance, either as plain text or as a list of text parts.
 */
export type ChatCompletionRequestDeveloperMessageContent = string | Array<ChatCompletionRequestMessageContentPartText>;
