// Generated from #/components/schemas/ChatCompletionRequestToolMessage/properties/content by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestMessageContentPartText } from './ChatCompletionRequestMessageContentPartText.js';

/**
 * The tool output, as text or as a list of text parts.
 */
export type ChatCompletionRequestToolMessageContent = string | Array<ChatCompletionRequestMessageContentPartText>;
