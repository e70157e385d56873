// Generated from #/components/schemas/ChatCompletionRequestMessageContentPartFile by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestMessageContentPartFileFile } from './ChatCompletionRequestMessageContentPartFileFile.js';

/**
 * A document passed to the model, either inline or by reference to an upload.
 */
export interface ChatCompletionRequestMessageContentPartFile {
  /**
   * Kind of part; always `file`.
   */
  type: 'file';
  /**
   * Give either `file_id` or both `filename` and `file_data`.
   */
  file: ChatCompletionRequestMessageContentPartFileFile;
}
