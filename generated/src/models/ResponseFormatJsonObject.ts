// Generated from #/components/schemas/ResponseFormatJsonObject by openai-ts-codegen. Do not edit: regenerate.
/**
 * Guarantees syntactically valid JSON but no particular structure. The prompt should still ask for JSON explicitly.
 */
export interface ResponseFormatJsonObject {
  /**
   * Always `json_object`.
   */
  type: 'json_object';
}
