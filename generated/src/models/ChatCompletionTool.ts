// Generated from #/components/schemas/ChatCompletionTool by openai-ts-codegen. Do not edit: regenerate.
import type { FunctionObject } from './FunctionObject.js';

/**
 * A tool the model is allowed to call.
 */
export interface ChatCompletionTool {
  /**
   * Kind of tool. Only functions exist today.
   */
  type: 'function';
  function: FunctionObject;
}
