// Generated from #/components/schemas/ReasoningEffort by openai-ts-codegen. Do not edit: regenerate.
/**
 * For reasoning models only: how much hidden thinking to do before answering. Less effort gives quicker, cheaper replies.
 */
export const ReasoningEffort = {
  Low: 'low',
  Medium: 'medium',
  High: 'high',
} as const;

export type ReasoningEffort = (typeof ReasoningEffort)[keyof typeof ReasoningEffort];
