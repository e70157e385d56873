// Generated from #/paths/~1chat~1completions~1{completion_id}/post/requestBody/content/application~1json/schema by openai-ts-codegen. Do not edit: regenerate.
import type { Metadata } from './Metadata.js';

export interface UpdateChatCompletionRequest {
  metadata: Metadata | null;
}
