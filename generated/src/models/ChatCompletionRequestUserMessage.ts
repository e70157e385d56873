// Generated from #/components/schemas/ChatCompletionRequestUserMessage by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestUserMessageContent } from './ChatCompletionRequestUserMessageContent.js';

/**
 * Something the end user said or supplied, possibly with images, audio or files.
 */
export interface ChatCompletionRequestUserMessage {
  /**
   * Author of this turn; always `user`.
   */
  role: 'user';
  /**
   * The user's input. A plain string is the common case; a list of parts allows mixing text with images, audio clips and documents.
   */
  content: ChatCompletionRequestUserMessageContent;
  /**
   * Optional label that tells apart several authors sharing a role.
   */
  name?: string | undefined;
}
