// Generated from #/components/schemas/ChatCompletionRequestMessageContentPartImage/properties/image_url by openai-ts-codegen. Do not edit: regenerate.
/**
 * Where to find the picture and how closely to inspect it.
 */
export interface ChatCompletionRequestMessageContentPartImageImageUrl {
  /**
   * A web address of the image, or the image itself as a base64 data URL.
   */
  url: string;
  /**
   * Resolution at which the model examines the image; `low` is cheaper and faster, `high` sees more detail.
   */
  detail?: 'auto' | 'low' | 'high' | undefined;
}
