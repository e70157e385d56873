// Generated from #/components/schemas/ChatCompletionResponseMessage/properties/audio by openai-ts-codegen. Do not edit: regenerate.
/**
 * Spoken version of the reply, present when audio output was requested.
 */
export interface ChatCompletionResponseMessageAudio {
  /**
   * Identifier to use when replaying this reply in a later request.
   */
  id: string;
  /**
   * Unix time (seconds) after which the audio can no longer be referenced in later turns.
   */
  expires_at: number;
  /**
   * The audio bytes, base64 encoded, in the requested format.
   */
  data: string;
  /**
   * Text of what is spoken.
   */
  transcript: string;
}
