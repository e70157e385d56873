// Generated from #/components/schemas/CreateChatCompletionRequest/properties/audio by openai-ts-codegen. Do not edit: regenerate.
import type { VoiceIdsShared } from './VoiceIdsShared.js';

/**
 * Voice and encoding for spoken output; needed when `modalities` includes `audio`.
 */
export interface CreateChatCompletionRequestAudio {
  voice: VoiceIdsShared;
  /**
   * Encoding of the returned audio.
   */
  format: 'wav' | 'aac' | 'mp3' | 'flac' | 'opus' | 'pcm16';
}
