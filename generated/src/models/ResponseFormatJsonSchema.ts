// Generated from #/components/schemas/ResponseFormatJsonSchema by openai-ts-codegen. Do not edit: regenerate.
import type { ResponseFormatJsonSchemaJsonSchema } from './ResponseFormatJsonSchemaJsonSchema.js';

/**
 * Constrains the output to a caller-supplied JSON Schema.
 */
export interface ResponseFormatJsonSchema {
  /**
   * Always `json_schema`.
   */
  type: 'json_schema';
  /**
   * The schema and how strictly to apply it.
   */
  json_schema: ResponseFormatJsonSchemaJsonSchema;
}
