// Generated from #/components/schemas/ChatCompletionRequestMessageContentPartImage by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestMessageContentPartImageImageUrl } from './ChatCompletionRequestMessageContentPartImageImageUrl.js';

/**
 * A picture for vision-capable models to look at.
 */
export interface ChatCompletionRequestMessageContentPartImage {
  /**
   * Kind of part; always `image_url`.
   */
  type: 'image_url';
  /**
   * Where to find the picture and how closely to inspect it.
   */
  image_url: ChatCompletionRequestMessageContentPartImageImageUrl;
}
