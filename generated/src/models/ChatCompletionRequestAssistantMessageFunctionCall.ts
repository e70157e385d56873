// Generated from #/components/schemas/ChatCompletionRequestAssistantMessage/properties/function_call by openai-ts-codegen. Do not edit: regenerate.
/**
 * Replaced by `tool_calls`. The single function the model asked to run.
 * @deprecated
 */
export interface ChatCompletionRequestAssistantMessageFunctionCall {
  /**
   * Which function to run.
   */
  name: string;
  /**
   * JSON-encoded input for the function.
   */
  arguments: string;
}
