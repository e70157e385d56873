// Generated from #/components/schemas/ChatCompletionResponseMessage/properties/annotations/items by openai-ts-codegen. Do not edit: regenerate.
import type { ChatCompletionResponseMessageAnnotationsInnerUrlCitation } from './ChatCompletionResponseMessageAnnotationsInnerUrlCitation.js';

export interface ChatCompletionResponseMessageAnnotationsInner {
  /**
   * Kind of annotation; always `url_citation`.
   */
  type: 'url_citation';
  /**
   * Where a cited passage came from.
   */
  url_citation: ChatCompletionResponseMessageAnnotationsInnerUrlCitation;
}
