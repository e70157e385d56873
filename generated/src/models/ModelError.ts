// Generated from #/components/schemas/Error by openai-ts-codegen. Do not edit: regenerate.
/**
 * Details of a failed request.
 */
export interface ModelError {
  /**
   * Machine-readable error code, when one applies.
   */
  code: string | null;
  /**
   * Human-readable explanation of what went wrong.
   */
  message: string;
  /**
   * The request field that caused the problem, when known.
   */
  param: string | null;
  /**
   * Broad category of the error.
   */
  type: string;
}
