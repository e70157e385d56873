// Generated from #/components/schemas/ChatCompletionRequestAssistantMessage/properties/audio by openai-ts-codegen. Do not edit: regenerate.
/**
 * Points at audio the model produced in an earlier turn.
 */
export interface ChatCompletionRequestAssistantMessageAudio {
  /**
   * Identifier of that earlier audio reply.
   */
  id: string;
}
