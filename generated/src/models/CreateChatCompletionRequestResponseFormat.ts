// Generated from #/components/schemas/CreateChatCompletionRequest/properties/response_format by openai-ts-codegen. Do not edit: regenerate.
import type { ResponseFormatJsonObject } from './ResponseFormatJsonObject.js';
import type { ResponseFormatJsonSchema } from './ResponseFormatJsonSchema.js';
import type { ResponseFormatText } from './ResponseFormatText.js';

/**
 * Shape of the reply. `json_schema` enforces a supplied schema; `json_object` only guarantees syntactically valid JSON.
 */
export type CreateChatCompletionRequestResponseFormat = ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema;
