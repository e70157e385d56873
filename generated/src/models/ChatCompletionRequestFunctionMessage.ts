// Generated from #/components/schemas/ChatCompletionRequestFunctionMessage by openai-ts-codegen. Do not edit: regenerate.
/**
 * Legacy form of a tool result; use a tool message instead.
 * @deprecated
 */
export interface ChatCompletionRequestFunctionMessage {
  /**
   * Author of this turn; always `function`.
   */
  role: 'function';
  /**
   * What the function returned.
   */
  content: string | null;
  /**
   * Name of the function that ran.
   */
  name: string;
}
