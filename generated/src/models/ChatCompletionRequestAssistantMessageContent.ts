// Generated from #/components/schemas/ChatCompletionRequestAssistantMessage/properties/content by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestAssistantMessageContentPart } from './ChatCompletionRequestAssistantMessageContentPart.js';

/**
 * What the model said. May be left out or null when the turn only contains tool calls or the deprecated function call.
 */
export type ChatCompletionRequestAssistantMessageContent = string | Array<ChatCompletionRequestAssistantMessageContentPart>;
