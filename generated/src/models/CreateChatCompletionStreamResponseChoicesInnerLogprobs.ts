// Generated from #/components/schemas/CreateChatCompletionStreamResponse/properties/choices/items/properties/logprobs by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionTokenLogprob } from './ChatCompletionTokenLogprob.js';

/**
 * Per-token probability details for this chunk.
 */
export interface CreateChatCompletionStreamResponseChoicesInnerLogprobs {
  content: Array<ChatCompletionTokenLogprob> | null;
  refusal: Array<ChatCompletionTokenLogprob> | null;
}
