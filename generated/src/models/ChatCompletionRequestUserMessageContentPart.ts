// Generated from #/components/schemas/ChatCompletionRequestUserMessageContentPart by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestMessageContentPartAudio } from './ChatCompletionRequestMessageContentPartAudio.js';
import type { ChatCompletionRequestMessageContentPartFile } from './ChatCompletionRequestMessageContentPartFile.js';
import type { ChatCompletionRequestMessageContentPartImage } from './ChatCompletionRequestMessageContentPartImage.js';
import type { ChatCompletionRequestMessageContentPartText } from './ChatCompletionRequestMessageContentPartText.js';

/**
 * One piece of a multi-part user message.
 */
export type ChatCompletionRequestUserMessageContentPart = ChatCompletionRequestMessageContentPartText | ChatCompletionRequestMessageContentPartImage | ChatCompletionRequestMessageContentPartAudio | ChatCompletionRequestMessageContentPartFile;
