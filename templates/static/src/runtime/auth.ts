// Applies an operation's security requirements (OpenAPI `security`) to one request:
// picks the first alternative the configuration can satisfy and writes its credentials
// into headers, query or cookie; when none can be satisfied, throws before anything is sent.
import { MissingCredentialError } from '../ApiError.js';
import type { Configuration } from '../Configuration.js';
import { assertValidHeader } from './headers.js';
import { ACCESS_TOKEN_ENV } from './server.js';
import type { RequestSpec } from './types.js';

/** One security scheme of the spec's `components/securitySchemes`, as the runtime needs it. */
export type SecurityScheme =
  /** `scheme` is `bearer` (accessToken), `basic` (username + password) or another scheme name sent before accessToken. */
  | { readonly type: 'http'; readonly scheme: string }
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string }
  | { readonly type: 'oauth2' }
  | { readonly type: 'openIdConnect' };

/**
 * One alternative of an operation's `security`: every scheme in it must be satisfied (AND).
 * Keyed by scheme name. `{}` means the call may go without credentials.
 */
export type SecurityRequirement = Readonly<Record<string, SecurityScheme>>;

/** The credentials one request carries, ready to be merged into it. */
export interface AppliedSecurity {
  /** Name-value pairs rather than records, so no name (`__proto__`) can be lost to Object.prototype. */
  headers: Array<[string, string]>;
  query: Array<[string, string]>;
  /** `name=value` pairs for the Cookie header. */
  cookies: string[];
  /** Every credential value sent, for the redactor. */
  secrets: string[];
}

/** What the request already carries: a caller's own header or query parameter of a scheme's name wins. */
export interface ExplicitCredentials {
  headers: Record<string, string>;
  query: Record<string, unknown> | undefined;
}

type Resolved = { value: string; secrets: string[] } | undefined;

/**
 * Satisfies the first alternative (in the spec's order) the configuration can; throws
 * MissingCredentialError naming every alternative when none can. An empty list means no security.
 * Credential getters are called at most once per request.
 */
export async function applySecurity(
  config: Configuration,
  alternatives: readonly SecurityRequirement[],
  explicit: ExplicitCredentials,
  operation: string,
): Promise<AppliedSecurity> {
  if (alternatives.length === 0) return { headers: [], query: [], cookies: [], secrets: [] };
  const cache = new Map<string, Promise<Resolved>>();
  const once = (key: string, resolve: () => Promise<Resolved>): Promise<Resolved> => {
    let pending = cache.get(key);
    if (!pending) cache.set(key, (pending = resolve()));
    return pending;
  };
  for (const requirement of alternatives) {
    const found = await satisfy(config, requirement, explicit, once);
    if (found) return found;
  }
  throw new MissingCredentialError(`${operation} needs a credential for ${alternatives.map(describeRequirement).join('; or for ')}.`);
}

async function satisfy(
  config: Configuration,
  requirement: SecurityRequirement,
  explicit: ExplicitCredentials,
  once: (key: string, resolve: () => Promise<Resolved>) => Promise<Resolved>,
): Promise<AppliedSecurity | undefined> {
  const applied: AppliedSecurity = { headers: [], query: [], cookies: [], secrets: [] };
  for (const [schemeName, scheme] of Object.entries(requirement)) {
    const target = targetOf(scheme);
    if (isExplicit(target, explicit)) continue;
    const credential = await once(credentialKey(schemeName, scheme), () => resolveCredential(config, schemeName, scheme));
    if (!credential) return undefined;
    applied.secrets.push(...credential.secrets);
    if (target.in === 'header') {
      assertValidHeader(target.name, credential.value);
      applied.headers.push([target.name.toLowerCase(), credential.value]);
    } else if (target.in === 'query') {
      applied.query.push([target.name, credential.value]);
    } else {
      // A cookie pair must not be able to start another pair or attribute.
      if (/[\s=;,\x00-\x1f\x7f]/.test(target.name) || /[;\r\n\0]/.test(credential.value)) {
        throw new TypeError(`Cookie credential "${target.name.replace(/[^\x21-\x7e]/g, '?')}" contains characters a cookie cannot carry`);
      }
      applied.cookies.push(`${target.name}=${credential.value}`);
    }
  }
  return applied;
}

/** Where a scheme's credential goes. */
function targetOf(scheme: SecurityScheme): { in: 'header' | 'query' | 'cookie'; name: string } {
  return scheme.type === 'apiKey' ? { in: scheme.in, name: scheme.name } : { in: 'header', name: 'authorization' };
}

function isExplicit(target: { in: string; name: string }, explicit: ExplicitCredentials): boolean {
  if (target.in === 'header') return ownValue(explicit.headers, target.name.toLowerCase()) !== undefined;
  if (target.in === 'query') return ownValue(explicit.query, target.name) != null;
  const cookie = ownValue(explicit.headers, 'cookie');
  return cookie !== undefined && cookie.split(';').some((pair) => pair.trim().startsWith(`${target.name}=`));
}

/** Schemes that read the same configuration field share one resolution per request. */
function credentialKey(schemeName: string, scheme: SecurityScheme): string {
  if (scheme.type === 'apiKey') return `apiKey ${scheme.name} ${schemeName}`;
  return isBasic(scheme) ? 'basic' : `token ${authorizationPrefix(scheme)}`;
}

async function resolveCredential(config: Configuration, schemeName: string, scheme: SecurityScheme): Promise<Resolved> {
  if (scheme.type === 'apiKey') {
    const key = await config.resolveApiKey(scheme.name, schemeName);
    if (key === undefined) return undefined;
    const prefix = config.apiKeyPrefixFor(scheme.name, schemeName);
    return { value: prefix === undefined ? key : `${prefix} ${key}`, secrets: [key] };
  }
  if (isBasic(scheme)) {
    const basic = config.basicCredentials();
    if (basic === undefined) return undefined;
    const encoded = base64(`${basic.username}:${basic.password}`);
    return { value: `Basic ${encoded}`, secrets: [encoded, ...(basic.password === '' ? [] : [basic.password])] };
  }
  const token = await config.resolveAccessToken();
  return token === undefined ? undefined : { value: `${authorizationPrefix(scheme)} ${token}`, secrets: [token] };
}

function isBasic(scheme: SecurityScheme): boolean {
  return scheme.type === 'http' && scheme.scheme.toLowerCase() === 'basic';
}

/** `Bearer` for bearer, OAuth2 and OpenID Connect; any other HTTP scheme is sent under its own name. */
function authorizationPrefix(scheme: SecurityScheme): string {
  if (scheme.type !== 'http' || scheme.scheme.toLowerCase() === 'bearer') return 'Bearer';
  return scheme.scheme;
}

/** UTF-8 then base64, as RFC 7617 recommends; btoa alone refuses characters above U+00FF. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `name (what it is): set FIELD`, for each scheme of the requirement. */
function describeRequirement(requirement: SecurityRequirement): string {
  return Object.entries(requirement)
    .map(([name, scheme]) => `${name} (${schemeKind(scheme)}): set ${configurationField(scheme)}`)
    .join(' and ');
}

function schemeKind(scheme: SecurityScheme): string {
  if (scheme.type === 'apiKey') return `API key in ${scheme.in} "${scheme.name}"`;
  return scheme.type === 'http' ? `HTTP ${scheme.scheme}` : scheme.type;
}

function configurationField(scheme: SecurityScheme): string {
  if (scheme.type === 'apiKey') return 'apiKey in the Configuration';
  if (isBasic(scheme)) return 'username and password in the Configuration';
  const env = ACCESS_TOKEN_ENV === undefined ? '' : ` or the ${ACCESS_TOKEN_ENV} environment variable`;
  return `accessToken in the Configuration${env}`;
}

/**
 * Adds the credentials `spec` needs to `headers` (in place: a caller's header of the same
 * name is kept) and returns the query to send, with any query API key, and the secrets sent.
 */
export async function authorize(
  config: Configuration,
  spec: RequestSpec,
  headers: Record<string, string>,
): Promise<{ query: Record<string, unknown> | undefined; secrets: string[] }> {
  const operation = `${spec.method.toUpperCase()} ${spec.path}`;
  const applied = await applySecurity(config, spec.security ?? [], { headers, query: spec.query }, operation);
  for (const [name, value] of applied.headers) setOwn(headers, name, value);
  if (applied.cookies.length > 0) setOwn(headers, 'cookie', [ownValue(headers, 'cookie'), ...applied.cookies].filter(Boolean).join('; '));
  // fromEntries and spread define own properties, so a `__proto__` parameter stays a parameter.
  const query = applied.query.length === 0 ? spec.query : { ...spec.query, ...Object.fromEntries(applied.query) };
  return { query, secrets: applied.secrets };
}

/** An own property only, so a name like `constructor` or `__proto__` never reads Object.prototype. */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function setOwn(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
