// Generated from #/components/schemas/CreateChatCompletionStreamResponse by openai-ts-codegen. Do not edit: regenerate.
import type { CompletionUsage } from './CompletionUsage.js';
import type { CreateChatCompletionStreamResponseChoicesInner } from './CreateChatCompletionStreamResponseChoicesInner.js';
import type { ServiceTier } from './ServiceTier.js';

/**
 * One server-sent event of a streamed reply. All chunks of a reply share the same `id` and `created` values.
 */
export interface CreateChatCompletionStreamResponse {
  /**
   * Identifier shared by every chunk of the same completion.
   */
  id: string;
  /**
   * Kind of object; always `chat.completion.chunk`.
   */
  object: 'chat.completion.chunk';
  /**
   * Creation time as seconds since the Unix epoch.
   */
  readonly created: number;
  /**
   * The model version producing the stream.
   */
  model: string;
  service_tier?: ServiceTier | null | undefined;
  /**
   * Opaque marker of the backend configuration.
   * @deprecated
   */
  system_fingerprint?: string | undefined;
  /**
   * The updates carried by this chunk. Empty in the trailing usage chunk when `include_usage` was requested.
   */
  choices: Array<CreateChatCompletionStreamResponseChoicesInner>;
  /**
   * Only filled in on the trailing chunk when `include_usage` was requested; null on every other chunk.
   */
  usage?: CompletionUsage | null | undefined;
}
