// Generated from #/components/schemas/ChatCompletionToolChoiceOption by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionNamedToolChoice } from './ChatCompletionNamedToolChoice.js';

/**
 * How the model should treat the supplied tools. `none` forbids tool calls, `auto` lets the model decide, `required` demands at least one call, and a named choice forces a specific function. The default is `none` without tools and `auto` with them.
 */
export type ChatCompletionToolChoiceOption = 'none' | 'auto' | 'required' | ChatCompletionNamedToolChoice;
