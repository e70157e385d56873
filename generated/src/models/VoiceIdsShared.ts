// Generated from #/components/schemas/VoiceIdsShared by openai-ts-codegen. Do not edit: regenerate.
/**
 * Name of a built-in voice. Any string is accepted, so newly released voices can be used before this list is updated.
 */
export type VoiceIdsShared = (string & {}) | 'alloy' | 'ash' | 'ballad' | 'coral' | 'echo' | 'sage' | 'shimmer' | 'verse';
