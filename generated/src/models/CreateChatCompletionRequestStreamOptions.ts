// Generated from #/components/schemas/CreateChatCompletionRequest/properties/stream_options by openai-ts-codegen. Do not edit: regenerate.
/**
 * Extra switches that only apply when `stream` is true.
 */
export interface CreateChatCompletionRequestStreamOptions {
  /**
   * Add a final chunk, with an empty `choices` list, that carries token usage for the whole request.
   */
  include_usage?: boolean | undefined;
}
