// Generated from #/components/schemas/ResponseFormatJsonSchema/properties/json_schema by openai-ts-codegen. Do not edit: regenerate.
/**
 * The schema and how strictly to apply it.
 */
export interface ResponseFormatJsonSchemaJsonSchema {
  /**
   * Short identifier for the format, using letters, digits, underscores and dashes.
   */
  name: string;
  /**
   * Tells the model what the output is for.
   */
  description?: string | undefined;
  /**
   * The JSON Schema that the output must satisfy.
   */
  schema?: Record<string, unknown> | undefined;
  /**
   * Enforce the schema exactly, at the cost of supporting only part of JSON Schema.
   */
  strict?: boolean | null | undefined;
}
