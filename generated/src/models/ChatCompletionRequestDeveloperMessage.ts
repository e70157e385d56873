// Generated from #/components/schemas/ChatCompletionRequestDeveloperMessage by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestDeveloperMessageContent } from './ChatCompletionRequestDeveloperMessageContent.js';

/**
 * Guidance from the application author that the model should follow regardless of what the user says. Newer reasoning models expect this role instead of `system`.
 */
export interface ChatCompletionRequestDeveloperMessage {
  /**
   * Author of this turn; always `developer`.
   */
  role: 'developer';
  /**
   * The guidance, either as plain text or as a list of text parts.
   */
  content: ChatCompletionRequestDeveloperMessageContent;
  /**
   * Optional label that tells apart several authors sharing a role.
   */
  name?: string | undefined;
}
