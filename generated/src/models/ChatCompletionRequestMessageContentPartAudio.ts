// Generated from #/components/schemas/ChatCompletionRequestMessageContentPartAudio by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestMessageContentPartAudioInputAudio } from './ChatCompletionRequestMessageContentPartAudioInputAudio.js';

/**
 * A short recording for audio-capable models to listen to.
 */
export interface ChatCompletionRequestMessageContentPartAudio {
  /**
   * Kind of part; always `input_audio`.
   */
  type: 'input_audio';
  input_audio: ChatCompletionRequestMessageContentPartAudioInputAudio;
}
