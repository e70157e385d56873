// Issue 12 items 1 and 4 on the wire: clients generated from small specs, called against a
// loopback server that records each request exactly as sent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTypeChecked, writeSpec } from './support/generateChecked.ts';
import { sendJson, startServer, type TestServer } from './support/http.ts';

const ok = `responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}`;

const SECURED = `
openapi: 3.0.3
info: {title: Secured, version: '1'}
servers: [{url: 'http://unused.invalid/v1'}]
security: [{headerKey: []}]
tags: [{name: auth}]
paths:
  /header: {get: {operationId: viaHeader, tags: [auth], ${ok}}}
  /query: {get: {operationId: viaQuery, tags: [auth], security: [{queryKey: []}], ${ok}}}
  /cookie: {get: {operationId: viaCookie, tags: [auth], security: [{cookieKey: []}], ${ok}}}
  /basic: {get: {operationId: viaBasic, tags: [auth], security: [{basicAuth: []}], ${ok}}}
  /bearer: {get: {operationId: viaBearer, tags: [auth], security: [{bearerAuth: []}], ${ok}}}
  /oauth: {get: {operationId: viaOauth, tags: [auth], security: [{oauth: [read, write]}], ${ok}}}
  /oidc: {get: {operationId: viaOidc, tags: [auth], security: [{oidc: []}], ${ok}}}
  /either: {get: {operationId: either, tags: [auth], security: [{headerKey: []}, {basicAuth: []}], ${ok}}}
  /both: {get: {operationId: both, tags: [auth], security: [{headerKey: [], queryKey: []}], ${ok}}}
  /optional: {get: {operationId: optional, tags: [auth], security: [{bearerAuth: []}, {}], ${ok}}}
  /open: {get: {operationId: open, tags: [auth], security: [], ${ok}}}
  /tls: {get: {operationId: viaTls, tags: [auth], security: [{tls: []}], ${ok}}}
components:
  securitySchemes:
    headerKey: {type: apiKey, in: header, name: X-API-Key}
    queryKey: {type: apiKey, in: query, name: api_key}
    cookieKey: {type: apiKey, in: cookie, name: session}
    basicAuth: {type: http, scheme: basic}
    bearerAuth: {type: http, scheme: bearer, bearerFormat: JWT}
    oauth:
      type: oauth2
      description: "OAuth <script>alert(1)</script> | pipes"
      flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {read: Read things, write: Write things}}}
    oidc: {type: openIdConnect, openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration'}
    tls: {type: mutualTLS}
`;

const SERVERS = `
openapi: 3.0.3
info: {title: Servers, version: '1'}
servers:
  - url: 'http://{host}:{port}/{version}'
    description: The main one
    variables:
      host: {default: localhost.invalid}
      port: {default: '1'}
      version: {default: v1, enum: [v1, v2], description: API version}
  - url: 'https://eu.example.com/v1'
tags: [{name: things}]
paths:
  /plain: {get: {operationId: plain, tags: [things], ${ok}}}
  /by-path:
    servers: [{url: 'http://{host}:{port}/path-level', variables: {host: {default: localhost.invalid}, port: {default: '1'}}}]
    get: {operationId: byPath, tags: [things], ${ok}}
    post:
      operationId: byOperation
      tags: [things]
      servers: [{url: 'http://{host}:{port}/operation-level', variables: {host: {default: localhost.invalid}, port: {default: '1'}}}]
      ${ok}
`;

// The generated package, typed as far as these tests use it.
type Call = (opts?: unknown, options?: unknown) => Promise<unknown>;
interface Client {
  Configuration: new (params: Record<string, unknown>) => unknown;
  MissingCredentialError: new (...args: never[]) => Error;
  InsecureTransportError: new (...args: never[]) => Error;
  BASE_PATH: string;
  SERVERS: unknown;
}

async function load(specText: string, prefix: string): Promise<{ client: Client; api: (className: string, config: Record<string, unknown>) => Record<string, Call>; outDir: string; warnings: string[] }> {
  const { outDir, result } = await generateTypeChecked(writeSpec(specText, prefix), prefix);
  const client = (await import(pathToFileURL(join(outDir, 'src/index.ts')).href)) as Client & Record<string, new (config: unknown) => Record<string, Call>>;
  return {
    client,
    outDir,
    warnings: result.warnings.map((w) => `${w.code} ${w.line}:${w.column} ${w.pointer}`),
    api: (className, config) => new client[className]!(new client.Configuration(config)),
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => sendJson(res, 200, {}));
});
afterAll(() => server.close());

function expectAll(text: string, parts: string[]): void {
  for (const part of parts) expect(text).toContain(part);
}

/** The one request a call sent: its target and the headers credentials go in. */
async function sent(call: Promise<unknown>) {
  server.reset((_req, res) => sendJson(res, 200, {}));
  await call;
  expect(server.requests).toHaveLength(1);
  const [request] = server.requests;
  return { url: request!.url, authorization: request!.headers.authorization, apiKey: request!.headers['x-api-key'], cookie: request!.headers.cookie };
}

describe('security on the wire', () => {
  let api: (config: Record<string, unknown>) => Record<string, Call>;
  let client: Client;
  let outDir: string;
  let loaded: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    loaded = await load(SECURED, 'security');
    client = loaded.client;
    outDir = loaded.outDir;
    api = (config) => loaded.api('AuthApi', { basePath: server.baseUrl, ...config });
  }, 120_000);

  it('the default server is plain http to another machine: a located warning, and the client sends no credential there unless allowed', async () => {
    expect(loaded.warnings).toContain('SERVER_INSECURE 4:17 /servers/0/url');
    const targets: string[] = [];
    const recordingFetch = async (input: unknown) => {
      targets.push(String(input));
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const byDefault = loaded.api('AuthApi', { accessToken: 'secret-token', fetch: recordingFetch, maxRetries: 0 });
    const refused = await byDefault.viaBearer!().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(loaded.client.InsecureTransportError);
    expect(String((refused as Error).message)).toContain('allowInsecureHttp');
    expect(String((refused as Error).message)).not.toContain('secret-token');
    expect(targets).toEqual([]);
    // An operation without credentials still goes; allowInsecureHttp lets the credential go too.
    await byDefault.open!();
    await loaded.api('AuthApi', { accessToken: 'secret-token', fetch: recordingFetch, maxRetries: 0, allowInsecureHttp: true }).viaBearer!();
    expect(targets).toEqual(['http://unused.invalid/v1/open', 'http://unused.invalid/v1/bearer']);
  });

  const basic = `Basic ${Buffer.from('ann:s3cret').toString('base64')}`;
  const none = { authorization: undefined, apiKey: undefined, cookie: undefined };
  it.each([
    ['apiKey in a header (document default)', 'viaHeader', { apiKey: 'k1' }, { url: '/v1/header', ...none, apiKey: 'k1' }],
    ['apiKey with its prefix', 'viaHeader', { apiKey: { 'X-API-Key': 'k1' }, apiKeyPrefix: { 'X-API-Key': 'Token' } }, { url: '/v1/header', ...none, apiKey: 'Token k1' }],
    ['apiKey in the query (operation override)', 'viaQuery', { apiKey: 'k2' }, { url: '/v1/query?api_key=k2', ...none }],
    ['apiKey in a cookie', 'viaCookie', { apiKey: { cookieKey: 'k3' } }, { url: '/v1/cookie', ...none, cookie: 'session=k3' }],
    ['HTTP basic', 'viaBasic', { username: 'ann', password: 's3cret' }, { url: '/v1/basic', ...none, authorization: basic }],
    ['HTTP bearer', 'viaBearer', { accessToken: 't1' }, { url: '/v1/bearer', ...none, authorization: 'Bearer t1' }],
    ['OAuth2', 'viaOauth', { accessToken: async () => 't2' }, { url: '/v1/oauth', ...none, authorization: 'Bearer t2' }],
    ['OpenID Connect', 'viaOidc', { accessToken: 't3' }, { url: '/v1/oidc', ...none, authorization: 'Bearer t3' }],
    ['OR: the first alternative configured', 'either', { apiKey: 'k4', username: 'ann', password: 's3cret' }, { url: '/v1/either', ...none, apiKey: 'k4' }],
    ['OR: the second when the first is missing', 'either', { username: 'ann', password: 's3cret' }, { url: '/v1/either', ...none, authorization: basic }],
    ['AND: both schemes', 'both', { apiKey: { 'X-API-Key': 'k5', api_key: 'k6' } }, { url: '/v1/both?api_key=k6', ...none, apiKey: 'k5' }],
    ['optional {}: sent when configured', 'optional', { accessToken: 't4' }, { url: '/v1/optional', ...none, authorization: 'Bearer t4' }],
    ['optional {}: goes without', 'optional', {}, { url: '/v1/optional', ...none }],
    ['security: [] sends nothing even when configured', 'open', { accessToken: 't5', apiKey: 'k7' }, { url: '/v1/open', ...none }],
    ['mutual TLS, which the client cannot send, goes without (the generator warned)', 'viaTls', {}, { url: '/v1/tls', ...none }],
  ])('%s', async (_name, method, config, expected) => {
    expect(await sent(api(config)[method]!())).toEqual(expected);
  });

  it.each([
    ['viaHeader', { accessToken: 't' }, /headerKey \(API key in header "X-API-Key"\): set apiKey/],
    ['viaBasic', { username: 'ann' }, /basicAuth \(HTTP basic\): set username and password/],
    ['viaOauth', { apiKey: 'k' }, /oauth \(oauth2\): set accessToken/],
    ['both', { apiKey: { 'X-API-Key': 'k5' } }, /headerKey .* and queryKey/],
  ])('%s without its credential throws before sending', async (method, config, message) => {
    server.reset((_req, res) => sendJson(res, 200, {}));
    const error = await api(config)[method]!().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.MissingCredentialError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it('documents the Configuration field of each scheme, with spec text kept as text', () => {
    const readme = readFileSync(join(outDir, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Documentation for authorization'));
    expect(section).toContain('### headerKey\n\n- **Type**: API key in header \'X-API-Key\'\n- Set `apiKey` on `Configuration`');
    expect(section).toMatch(/### basicAuth\n\n- \*\*Type\*\*: HTTP basic authentication\n- Set `username` and `password`/);
    expect(section).toMatch(/### oauth\n\n- \*\*Type\*\*: OAuth 2\.0\n- \*\*Description\*\*: OAuth &lt;script&gt;alert\(1\)&lt;\/script&gt; \\\| pipes\n- Set `accessToken`/);
    expect(section).toContain('- **Flow** clientCredentials: token URL `https://auth.example.com/token`; scopes `read`, `write`');
    expect(section).toMatch(/### tls\n\n- \*\*Type\*\*: mutualTLS\n- The client cannot send this scheme/);
    expect(section).toContain('- **OpenID Connect discovery**: `https://auth.example.com/.well-known/openid-configuration`');
    expect(readme).toContain(`const configuration = new Configuration({
  accessToken: 'YOUR_ACCESS_TOKEN', // or an async function returning a fresh token
  username: 'YOUR_USERNAME', password: 'YOUR_PASSWORD',
  apiKey: { 'X-API-Key': 'YOUR_API_KEY', api_key: 'YOUR_API_KEY', session: 'YOUR_API_KEY' },
  basePath: 'http://unused.invalid/v1',`);
    const docs = readFileSync(join(outDir, 'docs/AuthApi.md'), 'utf8');
    expectAll(docs, [
      "new AuthApi(new Configuration({ username: 'YOUR_USERNAME', password: 'YOUR_PASSWORD' }))",
      "new AuthApi(new Configuration({ apiKey: { 'X-API-Key': 'YOUR_API_KEY', api_key: 'YOUR_API_KEY' } }))",
      'new AuthApi(new Configuration())',
      '### Authorization\n\n[headerKey](../README.md#headerKey), or [basicAuth](../README.md#basicAuth)\n',
      '### Authorization\n\n[headerKey](../README.md#headerKey) and [queryKey](../README.md#queryKey)\n',
      '### Authorization\n\n[bearerAuth](../README.md#bearerAuth) (optional: the call may also go without credentials)\n',
    ]);
  });
});

describe('servers on the wire', () => {
  let client: Client;
  let api: (config: Record<string, unknown>) => Record<string, Call>;
  let outDir: string;
  beforeAll(async () => {
    const loaded = await load(SERVERS, 'servers');
    client = loaded.client;
    outDir = loaded.outDir;
    api = (config) => loaded.api('ThingsApi', config);
  }, 120_000);

  const loopback = () => ({ host: '127.0.0.1', port: new URL(server.baseUrl).port });

  it('fills BASE_PATH from the defaults and lists every server with its variables', () => {
    expect(client.BASE_PATH).toBe('http://localhost.invalid:1/v1');
    expect(client.SERVERS).toEqual([
      {
        url: 'http://{host}:{port}/{version}',
        description: 'The main one',
        variables: { host: { default: 'localhost.invalid' }, port: { default: '1' }, version: { default: 'v1', enum: ['v1', 'v2'], description: 'API version' } },
      },
      { url: 'https://eu.example.com/v1' },
    ]);
  });

  it('sends to the server its variables choose', async () => {
    expect((await sent(api({ serverVariables: { ...loopback(), version: 'v2' } }).plain!())).url).toBe('/v2/plain');
    expect((await sent(api({ serverVariables: loopback() }).plain!())).url).toBe('/v1/plain');
  });

  it('refuses a value outside the enum', () => {
    expect(() => api({ serverVariables: { ...loopback(), version: 'v3' } })).toThrow(/Server variable "version" must be one of "v1", "v2", not "v3"/);
  });

  it('sends path-level and operation-level servers, filled from the same variables', async () => {
    expect((await sent(api({ serverVariables: { ...loopback(), version: 'v2' } }).byPath!())).url).toBe('/path-level/by-path');
    expect((await sent(api({ serverVariables: loopback() }).byOperation!())).url).toBe('/operation-level/by-path');
  });

  it('lets basePath win over every server', async () => {
    expect((await sent(api({ basePath: server.baseUrl }).byOperation!())).url).toBe('/v1/by-path');
  });

  it('documents serverIndex and serverVariables', () => {
    expectAll(readFileSync(join(outDir, 'README.md'), 'utf8'), [
      '## Servers',
      'const configuration = new Configuration({\n  basePath:',
      '- 0: `http://{host}:{port}/{version}` (The main one)\n',
      '  - `version`: default `v1`; values `v1`, `v2`; API version\n',
      '- 1: `https://eu.example.com/v1`\n',
      "new Configuration({ serverIndex: 0, serverVariables: { host: 'localhost.invalid', port: '1', version: 'v2' } })",
    ]);
  });
});
