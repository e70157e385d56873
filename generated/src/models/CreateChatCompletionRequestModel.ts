// Generated from #/components/schemas/CreateChatCompletionRequest/properties/model by openai-ts-codegen. Do not edit: regenerate.
/**
 * Which model should answer. Any model id string is accepted; the listed values are just the well-known ones.
 */
export type CreateChatCompletionRequestModel = (string & {}) | 'gpt-4o' | 'gpt-4o-mini' | 'gpt-4.1' | 'gpt-4.1-mini' | 'o3' | 'o4-mini';
