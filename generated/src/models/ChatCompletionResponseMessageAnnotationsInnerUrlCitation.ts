// Generated from #/components/schemas/ChatCompletionResponseMessage/properties/annotations/items/properties/url_citation by openai-ts-codegen. Do not edit: regenerate.
/**
 * Where a cited passage came from.
 */
export interface ChatCompletionResponseMessageAnnotationsInnerUrlCitation {
  /**
   * Offset of the first character of the cited span.
   */
  start_index: number;
  /**
   * Offset just past the last character of the cited span.
   */
  end_index: number;
  /**
   * Address of the source.
   */
  url: string;
  /**
   * Title of the source page.
   */
  title: string;
}
