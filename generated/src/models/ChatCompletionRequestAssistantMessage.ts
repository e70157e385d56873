// Generated from #/components/schemas/ChatCompletionRequestAssistantMessage by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionMessageToolCall } from './ChatCompletionMessageToolCall.js';
import type { ChatCompletionRequestAssistantMessageAudio } from './ChatCompletionRequestAssistantMessageAudio.js';
import type { ChatCompletionRequestAssistantMessageContent } from './ChatCompletionRequestAssistantMessageContent.js';
import type { ChatCompletionRequestAssistantMessageFunctionCall } from './ChatCompletionRequestAssistantMessageFunctionCall.js';

/**
 * An earlier reply from the model, replayed so that the conversation history is complete.
 */
export interface ChatCompletionRequestAssistantMessage {
  /**
   * Author of this turn; always `assistant`.
   */
  role: 'assistant';
  /**
   * What the model said. May be left out or null when the turn only contains tool calls or the deprecated function call.
   */
  content?: ChatCompletionRequestAssistantMessageContent | null | undefined;
  /**
   * The refusal text, if the model declined to answer.
   */
  refusal?: string | null | undefined;
  /**
   * Optional label that tells apart several authors sharing a role.
   */
  name?: string | undefined;
  /**
   * Points at audio the model produced in an earlier turn.
   */
  audio?: ChatCompletionRequestAssistantMessageAudio | null | undefined;
  /**
   * Tool calls the model made in this turn.
   */
  tool_calls?: Array<ChatCompletionMessageToolCall> | undefined;
  /**
   * Replaced by `tool_calls`. The single function the model asked to run.
   * @deprecated
   */
  function_call?: ChatCompletionRequestAssistantMessageFunctionCall | null | undefined;
}
