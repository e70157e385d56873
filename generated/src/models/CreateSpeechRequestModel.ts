// Generated from #/components/schemas/CreateSpeechRequest/properties/model by openai-ts-codegen. Do not edit: regenerate.
/**
 * Which text-to-speech model to use. Unlisted model ids are accepted too.
 */
export type CreateSpeechRequestModel = (string & {}) | 'tts-1' | 'tts-1-hd' | 'gpt-4o-mini-tts';
