// Generated from #/components/schemas/WebhookBatchCompleted/properties/data by openai-ts-codegen. Do not edit: regenerate.
/**
 * The batch the event is about.
 */
export interface WebhookBatchCompletedData {
  /**
   * Identifier of the batch.
   */
  id: string;
}
