// Generated from #/components/schemas/ChatCompletionRequestToolMessage by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestToolMessageContent } from './ChatCompletionRequestToolMessageContent.js';

/**
 * The result of running a tool the model asked for.
 */
export interface ChatCompletionRequestToolMessage {
  /**
   * Author of this turn; always `tool`.
   */
  role: 'tool';
  /**
   * The tool output, as text or as a list of text parts.
   */
  content: ChatCompletionRequestToolMessageContent;
  /**
   * The `id` of the tool call this message answers.
   */
  tool_call_id: string;
}
