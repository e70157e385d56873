// Generated from #/components/schemas/ChatCompletionMessageToolCallChunk/properties/function by openai-ts-codegen. Do not edit: regenerate.
/**
 * Fragments of the function name and arguments.
 */
export interface ChatCompletionMessageToolCallChunkFunction {
  /**
   * Name of the function, sent once.
   */
  name?: string | undefined;
  /**
   * The next slice of the JSON argument string; concatenate all slices.
   */
  arguments?: string | undefined;
}
