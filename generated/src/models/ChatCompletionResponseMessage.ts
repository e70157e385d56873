// Generated from #/components/schemas/ChatCompletionResponseMessage by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionMessageToolCall } from './ChatCompletionMessageToolCall.js';
import type { ChatCompletionResponseMessageAnnotationsInner } from './ChatCompletionResponseMessageAnnotationsInner.js';
import type { ChatCompletionResponseMessageAudio } from './ChatCompletionResponseMessageAudio.js';
import type { ChatCompletionResponseMessageFunctionCall } from './ChatCompletionResponseMessageFunctionCall.js';

/**
 * The message the model wrote.
 */
export interface ChatCompletionResponseMessage {
  /**
   * The reply text, or null when the model only called tools.
   */
  content: string | null;
  /**
   * Explanation given when the model declined to answer.
   */
  refusal: string | null;
  /**
   * Author of the message; always `assistant`.
   */
  role: 'assistant';
  /**
   * Tools the model wants the caller to run.
   */
  tool_calls?: Array<ChatCompletionMessageToolCall> | undefined;
  /**
   * Notes attached to the text, such as sources cited by web search.
   */
  annotations?: Array<ChatCompletionResponseMessageAnnotationsInner> | undefined;
  /**
   * Legacy single function request; see `tool_calls`.
   * @deprecated
   */
  function_call?: ChatCompletionResponseMessageFunctionCall | undefined;
  /**
   * Spoken version of the reply, present when audio output was requested.
   */
  audio?: ChatCompletionResponseMessageAudio | null | undefined;
}
