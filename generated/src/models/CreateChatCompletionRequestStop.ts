// Generated from #/components/schemas/CreateChatCompletionRequest/properties/stop by openai-ts-codegen. Do not edit: regenerate.
/**
 * Text at which generation should halt. The stop text itself is not included in the reply.
 */
export type CreateChatCompletionRequestStop = string | Array<string>;
