// The view of security and servers: the generated runtime/server.ts constants (SERVERS,
// BASE_PATH, SECURITY_SCHEMES), each operation's `security` and `servers` in its RequestSpec,
// and the Configuration fields the docs tell the user to set.
import { objectLiteralKey, propertyKey, quote } from '../naming.ts';
import type { ClientIR, OperationIR, SecurityIR, SecuritySchemeIR, ServerIR } from '../ir/types.ts';
import { codeSpan, headingAnchor, tableCell } from './text.ts';
import type { SecurityView } from './types.ts';

// ── servers ───────────────────────────────────────────────────────────────

/** `readonly ServerSpec[]` as a TypeScript expression (runtime/servers.ts's shape). */
export function serversLiteral(servers: ServerIR[], indent = ''): string {
  if (servers.length === 0) return '[]';
  const inner = `${indent}  `;
  return `[\n${servers.map((s) => `${inner}${serverLiteral(s, inner)},\n`).join('')}${indent}]`;
}

/** One server: on one line without variables, else one field a line. */
function serverLiteral(server: ServerIR, indent: string): string {
  const fields = [`url: ${quote(server.url)}`];
  if (server.description !== undefined) fields.push(`description: ${quote(server.description)}`);
  if (server.variables.length === 0) return `{ ${fields.join(', ')} }`;
  const variables = server.variables.map((v) => {
    const parts = [`default: ${quote(v.default)}`];
    if (v.enum !== undefined) parts.push(`enum: [${v.enum.map(quote).join(', ')}]`);
    if (v.description !== undefined) parts.push(`description: ${quote(v.description)}`);
    return `${indent}    ${objectLiteralKey(v.name)}: { ${parts.join(', ')} },\n`;
  });
  fields.push(`variables: {\n${variables.join('')}${indent}  }`);
  return `{\n${fields.map((f) => `${indent}  ${f},\n`).join('')}${indent}}`;
}

/** Whether the README explains serverIndex and serverVariables. */
export function serversChoosable(servers: ServerIR[]): boolean {
  return servers.length > 1 || servers.some((s) => s.variables.length > 0);
}

/** The README's `serverVariables` example: the first server's variables, each at another allowed value where there is one. */
export function serverVariablesExample(servers: ServerIR[]): string {
  const variables = servers[0]?.variables ?? [];
  if (variables.length === 0) return '{}';
  return `{ ${variables.map((v) => `${objectLiteralKey(v.name)}: ${quote(v.enum?.find((value) => value !== v.default) ?? v.default)}`).join(', ')} }`;
}

/** README lines: each server with its index and its variables' defaults and values. */
export function serverDocs(servers: ServerIR[]): Array<{ index: number; url: string; description: string; variables: Array<{ name: string; default: string; values: string; description: string }> }> {
  return servers.map((s, index) => ({
    index,
    url: codeSpan(s.url),
    description: tableCell(s.description),
    variables: s.variables.map((v) => ({
      name: codeSpan(v.name),
      default: codeSpan(v.default),
      values: v.enum === undefined ? 'any' : v.enum.map(codeSpan).join(', '),
      description: tableCell(v.description),
    })),
  }));
}

// ── security ──────────────────────────────────────────────────────────────

/**
 * The runtime's record of each scheme the client can send (runtime/auth.ts's SecurityScheme),
 * as the object literal of `SECURITY_SCHEMES`.
 */
export function securitySchemesLiteral(schemes: SecuritySchemeIR[]): string {
  const entries = schemes.flatMap((s) => {
    const value = runtimeScheme(s);
    return value === undefined ? [] : [`  ${objectLiteralKey(s.name)}: ${value},\n`];
  });
  return entries.length === 0 ? '{}' : `{\n${entries.join('')}}`;
}

function runtimeScheme(s: SecuritySchemeIR): string | undefined {
  if (s.type === 'apiKey' && s.paramName && (s.in === 'header' || s.in === 'query' || s.in === 'cookie')) {
    return `{ type: 'apiKey', in: '${s.in}', name: ${quote(s.paramName)} }`;
  }
  if (s.type === 'http' && s.scheme) return `{ type: 'http', scheme: ${quote(s.scheme)} }`;
  if (s.type === 'oauth2' || s.type === 'openIdConnect') return `{ type: '${s.type}' }`;
  return undefined;
}

/** An operation's `security` for its RequestSpec, each scheme taken from SECURITY_SCHEMES; '' when none is needed. */
export function securityLiteral(security: SecurityIR): string {
  if (security.length === 0) return '';
  const alternatives = security.map((alternative) =>
    alternative.length === 0 ? '{}' : `{ ${alternative.map(({ scheme }) => `${objectLiteralKey(scheme)}: ${schemeAccess(scheme)}`).join(', ')} }`,
  );
  // Alternatives differing only in scopes send the same thing: the runtime gets each once.
  return `[${[...new Set(alternatives)].join(', ')}]`;
}

function schemeAccess(name: string): string {
  const key = propertyKey(name);
  return key === name ? `SECURITY_SCHEMES.${name}` : `SECURITY_SCHEMES[${key}]`;
}

/**
 * An operation's security as its docs say it: alternatives joined by "or", schemes needed
 * together by "and", each linking to its README section; '' when none is needed.
 */
export function authorizationMarkdown(security: SecurityIR): string {
  const alternatives = security.filter((alternative) => alternative.length > 0);
  if (alternatives.length === 0) return '';
  const linked = alternatives.map((alternative) => alternative.map(({ scheme }) => `[${tableCell(scheme)}](../README.md#${headingAnchor(scheme)})`).join(' and '));
  const optional = alternatives.length < security.length ? ' (optional: the call may also go without credentials)' : '';
  return `${[...new Set(linked)].join(', or ')}${optional}`;
}

/** The Configuration fields that satisfy a scheme, as docs show them. */
type Field = 'accessToken' | 'basic' | 'apiKey';

function fieldOf(s: SecuritySchemeIR): Field | undefined {
  if (runtimeScheme(s) === undefined) return undefined;
  if (s.type === 'apiKey') return 'apiKey';
  return s.type === 'http' && s.scheme === 'basic' ? 'basic' : 'accessToken';
}

/**
 * The argument of `new Configuration(...)` in an operation's docs example: the fields its
 * first alternative needs (nothing when the call needs no credential).
 */
export function configurationExample(op: OperationIR, schemes: SecuritySchemeIR[], apiKeyEnv: string | undefined): string {
  const needed = (op.security[0] ?? []).flatMap(({ scheme }) => schemes.filter((s) => s.name === scheme));
  const fields = credentialFields(needed, apiKeyEnv);
  return fields.length === 0 ? '' : `{ ${fields.join(', ')} }`;
}

/** The README's Configuration example: a line for each credential field some operation reads. */
export function configurationLines(ir: ClientIR): string[] {
  const used = new Set(ir.apis.flatMap((api) => api.operations.flatMap((op) => op.security.flat().map((s) => s.scheme))));
  return credentialFields(ir.securitySchemes.filter((s) => used.has(s.name)), ir.apiKeyEnv).map((field) =>
    field.startsWith('accessToken') ? `${field}, // or an async function returning a fresh token` : `${field},`,
  );
}

/** The access token of an example: read from the package's environment variable, else a placeholder. */
export function accessTokenExample(apiKeyEnv: string | undefined): string {
  return apiKeyEnv === undefined ? "'YOUR_ACCESS_TOKEN'" : `process.env.${apiKeyEnv}`;
}

/** `field: example` for the Configuration fields that satisfy `schemes`, each once. */
function credentialFields(schemes: SecuritySchemeIR[], apiKeyEnv: string | undefined): string[] {
  const fields: string[] = [];
  const apiKeys = schemes.filter((s) => fieldOf(s) === 'apiKey');
  if (schemes.some((s) => fieldOf(s) === 'accessToken')) fields.push(`accessToken: ${accessTokenExample(apiKeyEnv)}`);
  if (schemes.some((s) => fieldOf(s) === 'basic')) fields.push(`username: 'YOUR_USERNAME', password: 'YOUR_PASSWORD'`);
  if (apiKeys.length === 1) fields.push(`apiKey: 'YOUR_API_KEY'`);
  if (apiKeys.length > 1) fields.push(`apiKey: { ${apiKeys.map((s) => `${objectLiteralKey(s.paramName ?? s.name)}: 'YOUR_API_KEY'`).join(', ')} }`);
  return fields;
}

export function securityView(s: SecuritySchemeIR): SecurityView {
  const field = fieldOf(s);
  return {
    name: tableCell(s.name),
    anchor: headingAnchor(s.name),
    kindLabel: tableCell(kindLabel(s)),
    description: tableCell(s.description),
    isBearer: s.type === 'http' && s.scheme === 'bearer',
    usesAccessToken: field === 'accessToken',
    usesBasic: field === 'basic',
    usesApiKey: field === 'apiKey',
    unsupported: field === undefined,
    paramName: codeSpan(s.paramName ?? ''),
    location: s.in ?? '',
    flows: Object.entries(s.flows ?? {}).map(([kind, flow]) => ({
      kind: tableCell(kind),
      urls: [
        ['authorization URL', flow.authorizationUrl],
        ['token URL', flow.tokenUrl],
        ['refresh URL', flow.refreshUrl],
      ].flatMap(([label, url]) => (url ? [`${label} ${codeSpan(url)}`] : [])).join(', '),
      scopes: Object.keys(flow.scopes).map(codeSpan).join(', '),
    })),
    openIdConnectUrl: s.openIdConnectUrl === undefined ? '' : codeSpan(s.openIdConnectUrl),
  };
}

function kindLabel(s: SecuritySchemeIR): string {
  if (s.type === 'http') return `HTTP ${s.scheme ?? ''} authentication`.replace(/ +/g, ' ');
  if (s.type === 'apiKey') return `API key in ${s.in ?? 'header'} '${s.paramName ?? ''}'`;
  if (s.type === 'oauth2') return 'OAuth 2.0';
  if (s.type === 'openIdConnect') return 'OpenID Connect';
  return s.type;
}
