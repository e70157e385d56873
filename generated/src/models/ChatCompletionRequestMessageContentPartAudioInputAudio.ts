// Generated from #/components/schemas/ChatCompletionRequestMessageContentPartAudio/properties/input_audio by openai-ts-codegen. Do not edit: regenerate.
export interface ChatCompletionRequestMessageContentPartAudioInputAudio {
  /**
   * The recording, base64 encoded.
   */
  data: string;
  /**
   * Container format of the recording.
   */
  format: 'wav' | 'mp3';
}
