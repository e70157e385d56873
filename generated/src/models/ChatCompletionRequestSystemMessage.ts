// Generated from #/components/schemas/ChatCompletionRequestSystemMessage by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestSystemMessageContent } from './ChatCompletionRequestSystemMessageContent.js';

/**
 * Instructions that set the overall behaviour of the model. For newer reasoning models prefer a developer message.
 */
export interface ChatCompletionRequestSystemMessage {
  /**
   * Author of this turn; always `system`.
   */
  role: 'system';
  /**
   * The instructions, either as plain text or as a list of text parts.
   */
  content: ChatCompletionRequestSystemMessageContent;
  /**
   * Optional label that tells apart several authors sharing a role.
   */
  name?: string | undefined;
}
