// Generated from #/components/schemas/ResponseFormatText by openai-ts-codegen. Do not edit: regenerate.
/**
 * Ordinary free-form text output (the default).
 */
export interface ResponseFormatText {
  /**
   * Always `text`.
   */
  type: 'text';
}
