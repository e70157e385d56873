// Generated from #/components/schemas/OpenAIFile by openai-ts-codegen. Do not edit: regenerate.
/**
 * Information about a stored file.
 */
export interface OpenAIFile {
  /**
   * Identifier to use when referring to the file.
   */
  id: string;
  /**
   * Kind of object; always `file`.
   */
  object: 'file';
  /**
   * How many bytes the file occupies.
   */
  bytes: number;
  /**
   * Upload time as seconds since the Unix epoch.
   */
  created_at: number;
  /**
   * When the file will be deleted automatically, as seconds since the Unix epoch.
   */
  expires_at?: number | undefined;
  /**
   * Name the file was uploaded with.
   */
  filename: string;
  /**
   * What the file is meant for.
   */
  purpose: 'assistants' | 'assistants_output' | 'batch' | 'batch_output' | 'fine-tune' | 'fine-tune-results' | 'vision' | 'user_data' | 'evals';
  /**
   * Former processing state of the file; no longer meaningful.
   * @deprecated
   */
  status: 'uploaded' | 'processed' | 'error';
  /**
   * Former explanation of a failed processing step.
   * @deprecated
   */
  status_details?: string | undefined;
}
