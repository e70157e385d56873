// Replaced by the generator (templates/server.ts.hbs); these values let the runtime be tested on its own.
import type { SecurityScheme } from './auth.js';
import type { FieldPath } from './pagination.js';
import type { ServerSpec } from './servers.js';

export const BASE_PATH = 'https://api.openai.com/v1';
/** The spec's servers; Configuration's serverIndex picks one (default the first). */
export const SERVERS: readonly ServerSpec[] = [{ url: BASE_PATH }];
/** The spec's security schemes the client can send, by name. */
export const SECURITY_SCHEMES = {
  ApiKeyAuth: { type: 'http', scheme: 'bearer' },
} as const satisfies Readonly<Record<string, SecurityScheme>>;
export const BASE_PATH_ENV: string | undefined = 'OPENAI_BASE_URL';
export const ACCESS_TOKEN_ENV: string | undefined = 'OPENAI_API_KEY';
export const USER_AGENT = 'openapi-openai/1.0.0';
export const ERROR_MESSAGE_FIELDS: readonly FieldPath[] = [['error', 'message'], 'message', 'detail', 'error', 'title'];
