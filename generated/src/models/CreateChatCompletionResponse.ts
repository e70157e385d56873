// Generated from #/components/schemas/CreateChatCompletionResponse by openai-ts-codegen. Do not edit: regenerate.
import type { CompletionUsage } from './CompletionUsage.js';
import type { CreateChatCompletionResponseChoicesInner } from './CreateChatCompletionResponseChoicesInner.js';
import type { Metadata } from './Metadata.js';
import type { ServiceTier } from './ServiceTier.js';

/**
 * A model's complete reply to a chat request.
 */
export interface CreateChatCompletionResponse {
  /**
   * Unique identifier of this completion.
   */
  id: string;
  /**
   * Kind of object; always `chat.completion`.
   */
  object: 'chat.completion';
  /**
   * Creation time as seconds since the Unix epoch.
   */
  readonly created: number;
  /**
   * The exact model version that produced the reply.
   */
  model: string;
  service_tier?: ServiceTier | null | undefined;
  /**
   * Opaque marker of the backend configuration that served the request.
   * @deprecated
   */
  system_fingerprint?: string | undefined;
  /**
   * The alternative replies; more than one only when `n` is above 1.
   */
  choices: Array<CreateChatCompletionResponseChoicesInner>;
  usage?: CompletionUsage | undefined;
  metadata?: Metadata | null | undefined;
}
