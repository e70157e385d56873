// Generated from #/components/schemas/ChatCompletionRequestMessage by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestAssistantMessage } from './ChatCompletionRequestAssistantMessage.js';
import type { ChatCompletionRequestDeveloperMessage } from './ChatCompletionRequestDeveloperMessage.js';
import type { ChatCompletionRequestFunctionMessage } from './ChatCompletionRequestFunctionMessage.js';
import type { ChatCompletionRequestSystemMessage } from './ChatCompletionRequestSystemMessage.js';
import type { ChatCompletionRequestToolMessage } from './ChatCompletionRequestToolMessage.js';
import type { ChatCompletionRequestUserMessage } from './ChatCompletionRequestUserMessage.js';

/**
 * One turn of the conversation sent to the model.
 */
export type ChatCompletionRequestMessage = ChatCompletionRequestDeveloperMessage | ChatCompletionRequestSystemMessage | ChatCompletionRequestUserMessage | ChatCompletionRequestAssistantMessage | ChatCompletionRequestToolMessage | ChatCompletionRequestFunctionMessage;
