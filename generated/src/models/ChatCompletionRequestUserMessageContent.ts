// Generated from #/components/schemas/ChatCompletionRequestUserMessage/properties/content by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestUserMessageContentPart } from './ChatCompletionRequestUserMessageContentPart.js';

/**
 * The user's input. A plain string is the common case; a list of parts allows mixing text with images, audio clips and documents.
 */
export type ChatCompletionRequestUserMessageContent = string | Array<ChatCompletionRequestUserMessageContentPart>;
