// Generated from #/components/schemas/ChatCompletionNamedToolChoice/properties/function by openai-ts-codegen. Do not edit: regenerate.
export interface ChatCompletionNamedToolChoiceFunction {
  /**
   * Name of the function that must be called.
   */
  name: string;
}
