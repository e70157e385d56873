// Security and servers as the spec writes them: each scheme's full definition, each
// requirement list as alternatives (OR) of scheme combinations (AND) with scopes, and servers
// (document, path item, operation) with their URL variables.
import { isLoopbackHost } from '../../templates/static/src/runtime/transport.ts';
import type { Diagnostics } from '../diagnostics.ts';
import { pointerOf } from '../pointer.ts';
import { serverUrl } from './openapi32.ts';
import { isPlainObject } from './schema.ts';

export interface OAuthFlow {
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: Record<string, string>;
}

export interface SecurityScheme {
  name: string;
  type: string;
  scheme?: string;
  bearerFormat?: string;
  in?: string;
  paramName?: string;
  description?: string;
  flows?: Record<string, OAuthFlow>;
  openIdConnectUrl?: string;
}

/** Any one alternative will do (OR); each needs all its schemes (AND). `[]` as an alternative: `{}`, optional. */
export type SecurityRequirements = Array<Array<{ scheme: string; scopes: string[] }>>;

export interface ServerVariable {
  name: string;
  default: string;
  enum?: string[];
  description?: string;
}

export interface Server {
  url: string;
  description?: string;
  variables: ServerVariable[];
}

const API_KEY_LOCATIONS = ['header', 'query', 'cookie'];

export function readSecuritySchemes(doc: Record<string, unknown>, diagnostics: Diagnostics): SecurityScheme[] {
  const raw = isPlainObject(doc.components) && isPlainObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  return Object.entries(raw)
    .filter(([, s]) => isPlainObject(s))
    .map(([name, s]) => {
      const scheme = s as Record<string, unknown>;
      const read: SecurityScheme = {
        name,
        type: String(scheme.type ?? ''),
        scheme: optionalText(scheme.scheme)?.toLowerCase(),
        bearerFormat: optionalText(scheme.bearerFormat),
        in: optionalText(scheme.in),
        paramName: optionalText(scheme.name),
        description: optionalText(scheme.description),
        flows: readFlows(scheme.flows),
        openIdConnectUrl: optionalText(scheme.openIdConnectUrl),
      };
      const problem = schemeProblem(read);
      if (problem) diagnostics.warning(pointerOf(['components', 'securitySchemes', name]), `security scheme '${name}' ${problem}; operations needing only it cannot be authorized`, 'SECURITY_SCHEME_UNUSABLE');
      return read;
    });
}

/** What keeps the client from sending a scheme's credential, if anything. */
function schemeProblem(scheme: SecurityScheme): string | undefined {
  if (scheme.type === 'apiKey') {
    if (!API_KEY_LOCATIONS.includes(scheme.in ?? '')) return `must say in: header, query or cookie`;
    if (!scheme.paramName) return 'must give the name of its parameter';
    return undefined;
  }
  if (scheme.type === 'http') return scheme.scheme ? undefined : 'must name its HTTP scheme';
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return undefined;
  return `has type '${scheme.type}', which the client cannot send`;
}

/** Schemes the runtime can send; requirements naming another are dropped (their alternative cannot be met). */
export function isSendable(scheme: SecurityScheme): boolean {
  return schemeProblem(scheme) === undefined;
}

function readFlows(raw: unknown): Record<string, OAuthFlow> | undefined {
  if (!isPlainObject(raw)) return undefined;
  const flows: Record<string, OAuthFlow> = {};
  for (const [kind, flow] of Object.entries(raw)) {
    if (!isPlainObject(flow)) continue;
    const scopes = isPlainObject(flow.scopes) ? Object.fromEntries(Object.entries(flow.scopes).map(([scope, text]) => [scope, String(text ?? '')])) : {};
    flows[kind] = { authorizationUrl: optionalText(flow.authorizationUrl), tokenUrl: optionalText(flow.tokenUrl), refreshUrl: optionalText(flow.refreshUrl), scopes };
  }
  return flows;
}

/**
 * A `security` list as written: undefined when absent (the caller falls back to the document's),
 * `[]` for `security: []`. A scheme not in components is warned about and its alternative
 * dropped: it cannot be satisfied, and dropping only the scheme could turn it into `{}`.
 */
export function readSecurity(raw: unknown, at: string, schemes: SecurityScheme[], diagnostics: Diagnostics): SecurityRequirements | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    diagnostics.error(at, 'security must be a list', 'WRONG_TYPE');
    return undefined;
  }
  const alternatives: SecurityRequirements = [];
  raw.forEach((requirement, i) => {
    if (!isPlainObject(requirement)) {
      diagnostics.error(`${at}/${i}`, 'a security requirement must be an object of scheme names', 'WRONG_TYPE');
      return;
    }
    const alternative: SecurityRequirements[number] = [];
    let usable = true;
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = schemes.find((s) => s.name === name);
      // A warning, not an error: real specs ship this mistake, and the rest of the client is still right.
      if (!scheme) diagnostics.warning(`${at}/${i}/${pointerSegment(name)}`, `security scheme '${name}' is not defined in components/securitySchemes; ignored`, 'SECURITY_SCHEME_UNDEFINED');
      if (!scheme || !isSendable(scheme)) usable = false;
      alternative.push({ scheme: name, scopes: Array.isArray(scopes) ? scopes.map(String) : [] });
    }
    if (usable && !alternatives.some((known) => sameAlternative(known, alternative))) alternatives.push(alternative);
  });
  return alternatives;
}

function sameAlternative(a: SecurityRequirements[number], b: SecurityRequirements[number]): boolean {
  return a.length === b.length && a.every((s, i) => s.scheme === b[i]?.scheme && s.scopes.join(' ') === b[i]?.scopes.join(' '));
}

function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A server's URL with every variable at its default, without a trailing `/`: what a call sends when nothing is chosen. */
export function defaultServerUrl(server: { url: string; variables: ReadonlyArray<{ name: string; default: string }> } | undefined): string {
  if (server === undefined) return '';
  return server.url.replace(/\{([^{}]*)\}/g, (written, name: string) => server.variables.find((v) => v.name === name)?.default ?? written).replace(/\/+$/, '');
}

/**
 * A default server on plain http to another machine (S3-like specs list one first) would carry
 * the credentials in clear text: the client refuses that unless allowInsecureHttp is set, so say
 * so at generate time, where the spec writes the server.
 */
export function warnCredentialsInClear(servers: readonly Server[], operations: ReadonlyArray<{ security: SecurityRequirements }>, diagnostics: Diagnostics): void {
  const url = defaultServerUrl(servers[0]);
  if (!/^http:\/\//i.test(url) || !operations.some((op) => op.security.some((alternative) => alternative.length > 0))) return;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return; // an unparsable URL is reported where servers are read
  }
  if (isLoopbackHost(host)) return;
  diagnostics.warning(
    '/servers/0/url',
    `the default server ${url} is plain http and operations send credentials: the client refuses to send them there unless Configuration.allowInsecureHttp is set; list an https server first, or pick one with serverIndex or basePath`,
    'SERVER_INSECURE',
  );
}

/** The document's servers; OpenAPI's default, `/`, when it lists none (a same-origin client in a browser). */
export function readDocumentServers(doc: Record<string, unknown>, diagnostics: Diagnostics): Server[] {
  const servers = readServers(doc.servers, ['servers'], doc, diagnostics) ?? [];
  return servers.length > 0 ? servers : [{ url: serverUrl('/', doc, diagnostics), variables: [] }];
}

/** A `servers` list; undefined when absent, empty or not a list (the enclosing level's servers apply). */
export function readServers(raw: unknown, at: Array<string | number>, doc: Record<string, unknown>, diagnostics: Diagnostics): Server[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  return raw.flatMap((s, i) => {
    if (!isPlainObject(s) || typeof s.url !== 'string') {
      diagnostics.warning(pointerOf([...at, i]), 'a server must be an object with a url; ignored', 'WRONG_TYPE');
      return [];
    }
    const variables = isPlainObject(s.variables) ? readVariables(s.variables, [...at, i, 'variables'], diagnostics) : [];
    const server: Server = { url: serverUrl(s.url, doc, diagnostics), description: optionalText(s.description), variables };
    for (const name of undeclaredVariables(server)) {
      diagnostics.warning(pointerOf([...at, i, 'url']), `server URL uses {${name}}, which its variables do not declare; the client needs basePath for it`, 'SERVER_VARIABLE_INVALID');
    }
    return [server];
  });
}

function readVariables(raw: Record<string, unknown>, at: Array<string | number>, diagnostics: Diagnostics): ServerVariable[] {
  return Object.entries(raw).flatMap(([name, v]) => {
    const defaultValue = isPlainObject(v) ? v.default : undefined;
    if (!isPlainObject(v) || !isScalar(defaultValue)) {
      diagnostics.warning(pointerOf([...at, name]), `server variable '${name}' must have a default; ignored`, 'SERVER_VARIABLE_INVALID');
      return [];
    }
    let values = Array.isArray(v.enum) ? v.enum.filter(isScalar).map(String) : undefined;
    // The client fills the default when nothing is chosen: an enum refusing it would refuse every default call.
    if (values && !values.includes(String(defaultValue))) {
      diagnostics.warning(pointerOf([...at, name, 'default']), `server variable '${name}' default ${JSON.stringify(String(defaultValue))} is not one of its enum values; the enum is not enforced`, 'SERVER_VARIABLE_INVALID');
      values = undefined;
    }
    return [{ name, default: String(defaultValue), enum: values, description: optionalText(v.description) }];
  });
}

/** `{name}`s of a server URL its variables do not declare. */
function undeclaredVariables(server: Server): string[] {
  return [...server.url.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '').filter((name) => !server.variables.some((v) => v.name === name));
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
