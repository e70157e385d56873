// Generated from #/components/schemas/Metadata by openai-ts-codegen. Do not edit: regenerate.
/**
 * Up to 16 string pairs for tagging an object and finding it again later. Keys are at most 64 characters and values at most 512. Never send `*\/` or `${secrets}` here; markup such as <script>alert(1)</script> is shown as plain text.
 */
export interface Metadata {
  [key: string]: string;
}
