// Generated from #/components/schemas/ChatCompletionResponseMessage/properties/function_call by openai-ts-codegen. Do not edit: regenerate.
/**
 * Legacy single function request; see `tool_calls`.
 * @deprecated
 */
export interface ChatCompletionResponseMessageFunctionCall {
  name: string;
  arguments: string;
}
