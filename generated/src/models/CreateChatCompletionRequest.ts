// Generated from #/components/schemas/CreateChatCompletionRequest by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionRequestMessage } from './ChatCompletionRequestMessage.js';
import type { ChatCompletionTool } from './ChatCompletionTool.js';
import type { ChatCompletionToolChoiceOption } from './ChatCompletionToolChoiceOption.js';
import type { CreateChatCompletionRequestAudio } from './CreateChatCompletionRequestAudio.js';
import type { CreateChatCompletionRequestModel } from './CreateChatCompletionRequestModel.js';
import type { CreateChatCompletionRequestResponseFormat } from './CreateChatCompletionRequestResponseFormat.js';
import type { CreateChatCompletionRequestStop } from './CreateChatCompletionRequestStop.js';
import type { CreateChatCompletionRequestStreamOptions } from './CreateChatCompletionRequestStreamOptions.js';
import type { Metadata } from './Metadata.js';
import type { ReasoningEffort } from './ReasoningEffort.js';
import type { ServiceTier } from './ServiceTier.js';

/**
 * Everything needed to ask a model for the next turn of a conversation.
 */
export interface CreateChatCompletionRequest {
  /**
   * The conversation so far, oldest first. Which kinds of content are accepted (images, audio, files) depends on the chosen model.
   */
  messages: Array<ChatCompletionRequestMessage>;
  /**
   * Which model should answer. Any model id string is accepted; the listed values are just the well-known ones.
   */
  model: CreateChatCompletionRequestModel;
  /**
   * Keep the result so it can be fetched, listed and evaluated later through the stored completion endpoints.
   */
  store?: boolean | null | undefined;
  reasoning_effort?: ReasoningEffort | null | undefined;
  metadata?: Metadata | null | undefined;
  /**
   * Positive values discourage tokens in proportion to how often they already appeared, which reduces verbatim repetition.
   */
  frequency_penalty?: number | null | undefined;
  /**
   * Positive values discourage any token that has appeared at least once, nudging the model towards new topics.
   */
  presence_penalty?: number | null | undefined;
  /**
   * Sampling randomness. Low values give focused, repeatable output; high values give more varied output. Adjust this or `top_p`, but usually not both.
   */
  temperature?: number | null | undefined;
  /**
   * Nucleus sampling: only tokens inside the smallest set whose combined probability reaches this value are considered.
   */
  top_p?: number | null | undefined;
  /**
   * Adjusts the odds of specific tokens. Keys are token ids (as strings) and values range from -100 (effectively banned) to 100 (effectively forced).
   */
  logit_bias?: Record<string, number> | null | undefined;
  /**
   * Return the log probability of each generated token.
   */
  logprobs?: boolean | null | undefined;
  /**
   * How many alternative tokens, with their log probabilities, to report at each position. Needs `logprobs` set to true.
   */
  top_logprobs?: number | null | undefined;
  /**
   * Ceiling on generated tokens, counting both visible output and any hidden reasoning tokens.
   */
  max_completion_tokens?: number | null | undefined;
  /**
   * Older ceiling on generated tokens. Superseded by `max_completion_tokens` and rejected by reasoning models.
   * @deprecated
   */
  max_tokens?: number | null | undefined;
  /**
   * How many alternative replies to produce. Billing covers the tokens of every reply.
   */
  n?: number | null | undefined;
  /**
   * Kinds of output wanted. Most models produce only text; audio output additionally requires the `audio` settings.
   */
  modalities?: Array<'text' | 'audio'> | undefined;
  /**
   * Best-effort determinism: repeating a request with the same seed and settings should usually give the same answer. Compare `system_fingerprint` to detect backend changes.
   */
  seed?: number | null | undefined;
  service_tier?: ServiceTier | null | undefined;
  /**
   * Text at which generation should halt. The stop text itself is not included in the reply.
   */
  stop?: CreateChatCompletionRequestStop | null | undefined;
  /**
   * Deliver the reply incrementally as server-sent events instead of as one JSON document.
   */
  stream?: boolean | null | undefined;
  /**
   * Extra switches that only apply when `stream` is true.
   */
  stream_options?: CreateChatCompletionRequestStreamOptions | null | undefined;
  /**
   * Functions the model may ask the caller to run.
   */
  tools?: Array<ChatCompletionTool> | undefined;
  tool_choice?: ChatCompletionToolChoiceOption | undefined;
  /**
   * Allow the model to request several tool calls in a single turn.
   */
  parallel_tool_calls?: boolean | undefined;
  /**
   * Shape of the reply. `json_schema` enforces a supplied schema; `json_object` only guarantees syntactically valid JSON.
   */
  response_format?: CreateChatCompletionRequestResponseFormat | undefined;
  /**
   * A stable pseudonymous id for the end user, once used for abuse monitoring. Prefer `metadata` for your own bookkeeping.
   * @deprecated
   */
  user?: string | undefined;
  /**
   * Voice and encoding for spoken output; needed when `modalities` includes `audio`.
   */
  audio?: CreateChatCompletionRequestAudio | null | undefined;
}
