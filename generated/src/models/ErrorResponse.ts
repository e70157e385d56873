// Generated from #/components/schemas/ErrorResponse by openai-ts-codegen. Do not edit: regenerate.
import type { ModelError } from './ModelError.js';

/**
 * Body returned with every unsuccessful status code.
 */
export interface ErrorResponse {
  error: ModelError;
}
