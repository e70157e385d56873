// Generated from #/components/schemas/WebhookBatchCompleted by openai-ts-codegen. Do not edit: regenerate.
import type { WebhookBatchCompletedData } from './WebhookBatchCompletedData.js';

/**
 * Sent once a batch has finished.
 */
export interface WebhookBatchCompleted {
  /**
   * Identifier of the event.
   */
  id: string;
  /**
   * Always `batch.completed`.
   */
  type: 'batch.completed';
  /**
   * When the batch finished, in seconds since the Unix epoch.
   */
  created_at: number;
  /**
   * Always `event`.
   */
  object?: 'event' | undefined;
  /**
   * The batch the event is about.
   */
  data: WebhookBatchCompletedData;
}
