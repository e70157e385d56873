// Generated from #/components/schemas/ServiceTier by openai-ts-codegen. Do not edit: regenerate.
/**
 * Processing tier. `auto` follows the project setting, `default` uses standard capacity and `flex` trades latency for a lower price. The response echoes the tier actually used.
 */
export const ServiceTier = {
  Auto: 'auto',
  Default: 'default',
  Flex: 'flex',
} as const;

export type ServiceTier = (typeof ServiceTier)[keyof typeof ServiceTier];
