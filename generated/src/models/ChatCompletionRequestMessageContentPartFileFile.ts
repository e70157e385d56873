// Generated from #/components/schemas/ChatCompletionRequestMessageContentPartFile/properties/file by openai-ts-codegen. Do not edit: regenerate.
/**
 * Give either `file_id` or both `filename` and `file_data`.
 */
export interface ChatCompletionRequestMessageContentPartFileFile {
  /**
   * Name shown to the model for inline data.
   */
  filename?: string | undefined;
  /**
   * The document contents, base64 encoded.
   */
  file_data?: string | undefined;
  /**
   * Identifier of a previously uploaded file.
   */
  file_id?: string | undefined;
}
