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

describe('normalize: a default server that would carry credentials in clear text', () => {
  const insecure = (servers: string, security = 'security: [{key: []}]') => {
    const s = normalized(`${servers}${security}
paths:
  /things: {get: {operationId: things, responses: {'200': {description: ok}}}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
`);
    return s.diagnostics.items.filter((d) => d.code === 'SERVER_INSECURE').map((d) => [d.severity, d.pointer, d.message]);
  };
  const warned = (url: string) => [['warning', '/servers/0/url', `the default server ${url} is plain http and operations send credentials: the client refuses to send them there unless Configuration.allowInsecureHttp is set; list an https server first, or pick one with serverIndex or basePath`]];

  it.each([
    ['http to another machine, first', "servers: [{url: 'http://s3.amazonaws.com'}, {url: 'https://s3.amazonaws.com'}]\n", undefined, warned('http://s3.amazonaws.com')],
    ['http through a variable default', "servers: [{url: '{scheme}://api.example.com/v1', variables: {scheme: {default: http, enum: [http, https]}}}]\n", undefined, warned('http://api.example.com/v1')],
    ['https first, http second', "servers: [{url: 'https://s3.amazonaws.com'}, {url: 'http://s3.amazonaws.com'}]\n", undefined, []],
    ['http to localhost', "servers: [{url: 'http://localhost:8080'}]\n", undefined, []],
    ['http to 127.0.0.1', "servers: [{url: 'http://127.0.0.1/v1'}]\n", undefined, []],
    ['http without any security', "servers: [{url: 'http://s3.amazonaws.com'}]\n", 'security: []', []],
    ['no servers (same origin)', '', undefined, []],
  ])('%s', (_name, servers, security, want) => {
    expect(insecure(servers, security)).toEqual(want);
  });
});
