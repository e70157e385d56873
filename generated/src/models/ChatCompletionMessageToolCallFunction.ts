// Generated from #/components/schemas/ChatCompletionMessageToolCall/properties/function by openai-ts-codegen. Do not edit: regenerate.
/**
 * Which function to run and with what input.
 */
export interface ChatCompletionMessageToolCallFunction {
  /**
   * Name of the function the model picked.
   */
  name: string;
  /**
   * Input for the function, encoded as a JSON string. The model may produce invalid JSON or unexpected keys, so parse and check it before use.
   */
  arguments: string;
}
