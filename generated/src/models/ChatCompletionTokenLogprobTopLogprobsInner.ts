// Generated from #/components/schemas/ChatCompletionTokenLogprob/properties/top_logprobs/items by openai-ts-codegen. Do not edit: regenerate.
export interface ChatCompletionTokenLogprobTopLogprobsInner {
  token: string;
  logprob: number;
  bytes: Array<number> | null;
}
