import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../load/loadSpec.ts';
import { normalize } from './normalize.ts';

function normalized(body: string) {
  return normalize(parseSpecText(`openapi: 3.1.0\ninfo: {title: T, version: '1'}\n${body}`, 'spec.yaml'));
}

const SCHEMES = `components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
    basic: {type: http, scheme: Basic}
    oauth:
      type: oauth2
      flows:
        authorizationCode: {authorizationUrl: 'https://a.example/auth', tokenUrl: 'https://a.example/token', scopes: {read: Read}}
    oidc: {type: openIdConnect, openIdConnectUrl: 'https://a.example/.well-known/openid-configuration'}
    tls: {type: mutualTLS}
    broken: {type: apiKey, in: body, name: k}
`;

describe('normalize: security as written', () => {
  const s = normalized(`security: [{key: []}]
paths:
  /default: {get: {operationId: byDefault, responses: {'200': {description: ok}}}}
  /override:
    get:
      operationId: override
      security: [{oauth: [read, write], key: []}, {basic: []}, {}, {basic: []}]
      responses: {'200': {description: ok}}
  /none: {get: {operationId: none, security: [], responses: {'200': {description: ok}}}}
  /unsendable: {get: {operationId: unsendable, security: [{tls: []}, {nope: []}, {broken: []}, {oidc: []}], responses: {'200': {description: ok}}}}
${SCHEMES}`);
  const security = (id: string) => s.operations.find((o) => o.operationId === id)!.security;

  it.each([
    ['the document default applies where the operation says nothing', 'byDefault', [[{ scheme: 'key', scopes: [] }]]],
    ['an operation override keeps AND, scopes, OR and the optional {} (repeats once)', 'override', [[{ scheme: 'oauth', scopes: ['read', 'write'] }, { scheme: 'key', scopes: [] }], [{ scheme: 'basic', scopes: [] }], []]],
    ['security: [] needs none', 'none', []],
    ['alternatives the client cannot send are dropped, never turned into {}', 'unsendable', [[{ scheme: 'oidc', scopes: [] }]]],
  ])('%s', (_name, id, expected) => {
    expect(security(id)).toEqual(expected);
  });

  it('keeps each scheme whole: flows, OpenID Connect URL, lower-cased HTTP scheme', () => {
    const byName = Object.fromEntries(s.securitySchemes.map((scheme) => [scheme.name, scheme]));
    expect(byName.basic).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(byName.key).toMatchObject({ type: 'apiKey', in: 'header', paramName: 'X-Key' });
    expect(byName.oauth!.flows).toEqual({ authorizationCode: { authorizationUrl: 'https://a.example/auth', tokenUrl: 'https://a.example/token', refreshUrl: undefined, scopes: { read: 'Read' } } });
    expect(byName.oidc!.openIdConnectUrl).toBe('https://a.example/.well-known/openid-configuration');
  });

  it('warns, located, about schemes it cannot send and names it does not know', () => {
    expect(s.diagnostics.items.map((d) => [d.code, d.pointer])).toEqual([
      ['SECURITY_SCHEME_UNUSABLE', '/components/securitySchemes/tls'],
      ['SECURITY_SCHEME_UNUSABLE', '/components/securitySchemes/broken'],
      ['SECURITY_SCHEME_UNDEFINED', '/paths/~1unsendable/get/security/1/nope'],
    ]);
  });
});

describe('normalize: servers with variables at every level', () => {
  const s = normalized(`servers:
  - url: 'https://{region}.example.com/{version}'
    description: Main
    variables:
      region: {default: eu, enum: [eu, us], description: Where}
      version: {default: v2, enum: [v1]}
  - url: 'https://{missing}.example.com'
paths:
  /a:
    servers: [{url: 'https://path.example.com'}]
    get: {operationId: pathLevel, responses: {'200': {description: ok}}}
    put: {operationId: operationLevel, servers: [{url: 'https://op.example.com'}], responses: {'200': {description: ok}}}
    post: {operationId: emptyOperationLevel, servers: [], responses: {'200': {description: ok}}}
  /b: {get: {operationId: documentLevel, responses: {'200': {description: ok}}}}
`);
  const servers = (id: string) => s.operations.find((o) => o.operationId === id)!.servers.map((server) => server.url);

  it('keeps the document servers with their variables; an enum refusing its own default is not enforced', () => {
    expect(s.servers[0]).toEqual({
      url: 'https://{region}.example.com/{version}',
      description: 'Main',
      variables: [
        { name: 'region', default: 'eu', enum: ['eu', 'us'], description: 'Where' },
        { name: 'version', default: 'v2', enum: undefined, description: undefined },
      ],
    });
    expect(s.diagnostics.items.map((d) => [d.code, d.pointer])).toEqual([
      ['SERVER_VARIABLE_INVALID', '/servers/0/variables/version/default'],
      ['SERVER_VARIABLE_INVALID', '/servers/1/url'],
    ]);
  });

  it("takes OpenAPI's default server, `/`, when the document lists none", () => {
    expect(normalized(`paths: {}\n`).servers).toEqual([{ url: '/', variables: [] }]);
    expect(normalized(`servers: []\npaths: {}\n`).servers).toEqual([{ url: '/', variables: [] }]);
  });

  it.each([
    ['pathLevel', ['https://path.example.com']],
    ['operationLevel', ['https://op.example.com']],
    ['emptyOperationLevel', ['https://path.example.com']],
    ['documentLevel', []],
  ])('%s takes its own servers, else its path item\'s, else none (the document\'s)', (id, expected) => {
    expect(servers(id)).toEqual(expected);
  });
});
