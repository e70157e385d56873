// Generated from #/components/schemas/FunctionObject by openai-ts-codegen. Do not edit: regenerate.
import type { FunctionParameters } from './FunctionParameters.js';

/**
 * Declaration of a function that the model may ask to call.
 */
export interface FunctionObject {
  /**
   * Name the model uses to call the function. Letters, digits, underscores and dashes only, at most 64 characters.
   */
  name: string;
  /**
   * Explains to the model what the function does and when it is useful.
   */
  description?: string | undefined;
  parameters?: FunctionParameters | undefined;
  /**
   * When true the generated arguments are guaranteed to match the `parameters` schema exactly, which restricts the schema to a supported subset of JSON Schema.
   */
  strict?: boolean | null | undefined;
}
