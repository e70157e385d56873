// Generated from #/components/schemas/CreateSpeechRequest by openai-ts-codegen. Do not edit: regenerate.
import type { CreateSpeechRequestModel } from './CreateSpeechRequestModel.js';
import type { VoiceIdsShared } from './VoiceIdsShared.js';

/**
 * Parameters for turning text into speech.
 */
export interface CreateSpeechRequest {
  /**
   * Which text-to-speech model to use. Unlisted model ids are accepted too.
   */
  model: CreateSpeechRequestModel;
  /**
   * The words to speak.
   */
  input: string;
  voice: VoiceIdsShared;
  /**
   * Directions about tone, pacing or accent. Ignored by `tts-1` and `tts-1-hd`.
   */
  instructions?: string | undefined;
  /**
   * Encoding of the returned audio.
   */
  response_format?: 'mp3' | 'opus' | 'aac' | 'flac' | 'wav' | 'pcm' | undefined;
  /**
   * Playback rate relative to normal speech.
   */
  speed?: number | undefined;
}
