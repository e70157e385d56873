// Generated from #/components/schemas/ChatCompletionStreamResponseDelta/properties/function_call by openai-ts-codegen. Do not edit: regenerate.
/**
 * Fragments of a legacy function request.
 * @deprecated
 */
export interface ChatCompletionStreamResponseDeltaFunctionCall {
  name?: string | undefined;
  arguments?: string | undefined;
}
