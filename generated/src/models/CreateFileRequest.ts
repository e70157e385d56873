// Generated from #/components/schemas/CreateFileRequest by openai-ts-codegen. Do not edit: regenerate.
/**
 * Form fields of a file upload.
 */
export interface CreateFileRequest {
  /**
   * The file contents, sent as a form part with a filename.
   */
  file: Blob;
  /**
   * What the file will be used for; this controls where it can be referenced.
   */
  purpose: 'assistants' | 'batch' | 'fine-tune' | 'vision' | 'user_data' | 'evals';
}
