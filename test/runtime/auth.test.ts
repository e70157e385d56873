// Issue 12 item 1: every security scheme type on the wire, alternatives (OR), combinations
// (AND), optional security, the caller's own credentials, the error before sending, and
// every credential kept out of errors and printed configurations.
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, MissingCredentialError } from '../../templates/static/src/ApiError.js';
import { Configuration, type ConfigurationParameters } from '../../templates/static/src/Configuration.js';
import type { SecurityRequirement, SecurityScheme } from '../../templates/static/src/runtime/auth.js';
import type { RequestOptions, RequestSpec } from '../../templates/static/src/runtime/types.js';
import { sendJson, type RecordedRequest } from '../support/http.js';
import { getJson, TestApi } from './api.js';
import { useServer } from './serve.js';

const serve = useServer({ maxRetries: 0 });

const bearer: SecurityScheme = { type: 'http', scheme: 'bearer' };
const basic: SecurityScheme = { type: 'http', scheme: 'basic' };
const headerKey: SecurityScheme = { type: 'apiKey', in: 'header', name: 'X-API-Key' };
const queryKey: SecurityScheme = { type: 'apiKey', in: 'query', name: 'api_key' };
const cookieKey: SecurityScheme = { type: 'apiKey', in: 'cookie', name: 'sid' };
const oauth2: SecurityScheme = { type: 'oauth2' };
const openId: SecurityScheme = { type: 'openIdConnect' };

/** base64 of the UTF-8 bytes, computed apart from the runtime's own encoder. */
const basicOf = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

interface WireCase {
  name: string;
  config: ConfigurationParameters;
  security: SecurityRequirement[];
  spec?: Partial<RequestSpec>;
  options?: RequestOptions;
  /** The request target exactly as sent. */
  url?: string;
  headers: Record<string, string | undefined>;
}

const WIRE: WireCase[] = [
  { name: 'HTTP bearer', config: { accessToken: 'tok-1' }, security: [{ bearerAuth: bearer }], headers: { authorization: 'Bearer tok-1' } },
  {
    name: 'HTTP basic, UTF-8 password',
    config: { username: 'AC123', password: 'pä:ss' },
    security: [{ basicAuth: basic }],
    headers: { authorization: basicOf('AC123', 'pä:ss') },
  },
  { name: 'HTTP basic, empty password', config: { username: 'u', password: '' }, security: [{ basicAuth: basic }], headers: { authorization: basicOf('u', '') } },
  { name: 'another HTTP scheme goes under its own name', config: { accessToken: 't' }, security: [{ tokenAuth: { type: 'http', scheme: 'Token' } }], headers: { authorization: 'Token t' } },
  { name: 'OAuth2', config: { accessToken: 'oa-tok' }, security: [{ petstore_auth: oauth2 }], headers: { authorization: 'Bearer oa-tok' } },
  { name: 'OpenID Connect, async getter', config: { accessToken: async () => 'oidc' }, security: [{ oidc: openId }], headers: { authorization: 'Bearer oidc' } },
  { name: 'apiKey in a header, one string', config: { apiKey: 'k-1' }, security: [{ key: headerKey }], headers: { 'x-api-key': 'k-1' } },
  {
    name: 'apiKey in the query, encoded in the URL',
    config: { apiKey: 'k+1/=&x' },
    security: [{ key: queryKey }],
    spec: { query: { limit: 2 } },
    url: '/v1/things?limit=2&api_key=k%2B1%2F%3D%26x',
    headers: { authorization: undefined },
  },
  { name: 'apiKey in a cookie', config: { apiKey: 'c-1' }, security: [{ key: cookieKey }], headers: { cookie: 'sid=c-1' } },
  {
    name: "apiKey cookie after the caller's own cookies",
    config: { apiKey: 'c-1' },
    security: [{ key: cookieKey }],
    options: { headers: { Cookie: 'theme=dark' } },
    headers: { cookie: 'theme=dark; sid=c-1' },
  },
  { name: 'apiKey record keyed by parameter name', config: { apiKey: { 'X-API-Key': 'by-param', key: 'by-scheme' } }, security: [{ key: headerKey }], headers: { 'x-api-key': 'by-param' } },
  { name: 'apiKey record keyed by scheme name', config: { apiKey: { key: 'by-scheme' } }, security: [{ key: headerKey }], headers: { 'x-api-key': 'by-scheme' } },
  {
    name: 'apiKey async function of the names',
    config: { apiKey: async (name, scheme) => `${name}|${scheme}` },
    security: [{ key: headerKey }],
    headers: { 'x-api-key': 'X-API-Key|key' },
  },
  {
    name: 'apiKeyPrefix by parameter name',
    config: { apiKey: 'k', apiKeyPrefix: { Authorization: 'Token' } },
    security: [{ key: { type: 'apiKey', in: 'header', name: 'Authorization' } }],
    headers: { authorization: 'Token k' },
  },
  {
    name: 'OR: the first alternative the configuration satisfies',
    config: { accessToken: 'tok' },
    security: [{ key: queryKey }, { bearerAuth: bearer }],
    url: '/v1/things',
    headers: { authorization: 'Bearer tok' },
  },
  {
    name: 'OR: the first one wins when both are satisfied',
    config: { accessToken: 'tok', apiKey: 'k' },
    security: [{ key: queryKey }, { bearerAuth: bearer }],
    url: '/v1/things?api_key=k',
    headers: { authorization: undefined },
  },
  {
    name: 'AND: every scheme of the alternative',
    config: { apiKey: 'k', username: 'u', password: 'p' },
    security: [{ key: headerKey, basicAuth: basic, session: cookieKey }],
    headers: { 'x-api-key': 'k', authorization: basicOf('u', 'p'), cookie: 'sid=k' },
  },
  { name: 'optional security without credentials', config: {}, security: [{ bearerAuth: bearer }, {}], headers: { authorization: undefined } },
  { name: 'optional security with credentials', config: { accessToken: 't' }, security: [{ bearerAuth: bearer }, {}], headers: { authorization: 'Bearer t' } },
  { name: 'no security', config: { accessToken: 't', apiKey: 'k' }, security: [], url: '/v1/things', headers: { authorization: undefined, 'x-api-key': undefined } },
  {
    name: "the caller's own header wins",
    config: { apiKey: 'configured' },
    security: [{ key: headerKey }],
    options: { headers: { 'x-api-key': 'mine' } },
    headers: { 'x-api-key': 'mine' },
  },
  {
    name: "the caller's own query parameter wins",
    config: {},
    security: [{ key: queryKey }],
    spec: { query: { api_key: 'mine' } },
    url: '/v1/things?api_key=mine',
    headers: {},
  },
  {
    name: "the caller's own cookie wins",
    config: {},
    security: [{ key: cookieKey }],
    spec: { headers: { cookie: 'a=1; sid=mine' } },
    headers: { cookie: 'a=1; sid=mine' },
  },
  {
    name: 'a query key named __proto__ stays a parameter',
    config: { apiKey: 'k' },
    security: [{ key: { type: 'apiKey', in: 'query', name: '__proto__' } }],
    url: '/v1/things?__proto__=k',
    headers: {},
  },
  {
    name: 'a header key named like an Object.prototype member is still sent',
    config: { apiKey: 'k' },
    security: [{ key: { type: 'apiKey', in: 'header', name: 'constructor' } }],
    headers: { constructor: 'k' },
  },
];

async function sendOnce(c: Pick<WireCase, 'config' | 'security' | 'spec' | 'options'>): Promise<RecordedRequest> {
  const { server, api } = await serve((_req, res) => sendJson(res, 200, {}), c.config);
  await api.call({ ...getJson, security: c.security, ...c.spec }, c.options);
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

describe('security schemes on the wire', () => {
  beforeEach(() => vi.stubEnv('OPENAI_API_KEY', ''));
  afterEach(() => vi.unstubAllEnvs());

  it.each(WIRE)('$name', async (c) => {
    const sent = await sendOnce(c);
    expect(sent.url).toBe(c.url ?? sent.url);
    if (c.url === undefined) expect(sent.url).not.toContain('api_key');
    for (const [name, value] of Object.entries(c.headers)) expect(sent.headers[name], name).toBe(value);
  });

  it('calls a token getter once per request, even when two alternatives need it', async () => {
    let calls = 0;
    const accessToken = () => `t${++calls}`;
    const sent = await sendOnce({ config: { accessToken }, security: [{ bearerAuth: bearer, key: headerKey }, { oauth: oauth2 }] });
    expect(sent.headers.authorization).toBe('Bearer t1');
    expect(calls).toBe(1);
  });

  it("never asks for a credential the caller's own header supplies", async () => {
    const apiKey = vi.fn(() => 'configured');
    await sendOnce({ config: { apiKey }, security: [{ key: headerKey }], options: { headers: { 'X-API-Key': 'mine' } } });
    expect(apiKey).not.toHaveBeenCalled();
  });

  it('reads the access token from the environment variable when none is configured', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env');
    const sent = await sendOnce({ config: {}, security: [{ oauth: oauth2 }] });
    expect(sent.headers.authorization).toBe('Bearer sk-env');
  });
});

interface MissingCase {
  name: string;
  config: ConfigurationParameters;
  security: SecurityRequirement[];
  message: string;
}

const MISSING: MissingCase[] = [
  {
    name: 'nothing configured, one alternative',
    config: {},
    security: [{ basicAuth: basic }],
    message: 'GET /things needs a credential for basicAuth (HTTP basic): set username and password in the Configuration.',
  },
  {
    name: 'a username without password',
    config: { username: 'u' },
    security: [{ key: queryKey }, { basicAuth: basic }],
    message:
      'GET /things needs a credential for key (API key in query "api_key"): set apiKey in the Configuration; or for basicAuth (HTTP basic): set username and password in the Configuration.',
  },
  {
    name: 'an AND requirement half satisfied',
    config: { apiKey: 'k' },
    security: [{ key: cookieKey, oauth: oauth2 }],
    message:
      'GET /things needs a credential for key (API key in cookie "sid"): set apiKey in the Configuration and oauth (oauth2): set accessToken in the Configuration or the OPENAI_API_KEY environment variable.',
  },
  {
    name: 'an apiKey record without this name',
    config: { apiKey: { other: 'k' } },
    security: [{ key: headerKey }],
    message: 'GET /things needs a credential for key (API key in header "X-API-Key"): set apiKey in the Configuration.',
  },
  {
    name: 'an apiKey function that returns nothing',
    config: { apiKey: async () => undefined },
    security: [{ key: headerKey }],
    message: 'GET /things needs a credential for key (API key in header "X-API-Key"): set apiKey in the Configuration.',
  },
  {
    name: 'a record key inherited from Object.prototype is no key',
    config: { apiKey: {} },
    security: [{ constructor: { type: 'apiKey', in: 'header', name: 'toString' } as SecurityScheme }],
    message: 'GET /things needs a credential for constructor (API key in header "toString"): set apiKey in the Configuration.',
  },
];

describe('a credential the configuration cannot supply', () => {
  beforeEach(() => vi.stubEnv('OPENAI_API_KEY', ''));
  afterEach(() => vi.unstubAllEnvs());

  it.each(MISSING)('$name: MissingCredentialError before sending', async (c) => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}), c.config);
    const error = await api.call({ ...getJson, security: c.security }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingCredentialError);
    expect((error as Error).message).toBe(c.message);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a cookie credential that could start another cookie', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}), { apiKey: 'a; admin=1' });
    await expect(api.call({ ...getJson, security: [{ key: cookieKey }] })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});

// --------------------------------------------------------------- secrets

const SECRETS = { token: 'tok-SECRET-1', password: 'pw-SECRET-2', key: 'key+SECRET/3', cookie: 'cookie-SECRET-4' };
const secretConfig: ConfigurationParameters = {
  accessToken: SECRETS.token,
  username: 'user',
  password: SECRETS.password,
  apiKey: { api_key: SECRETS.key, sid: SECRETS.cookie },
};
const everyKind: SecurityRequirement[] = [{ bearerAuth: bearer }, { basicAuth: basic, key: queryKey, session: cookieKey }];
const secretForms = [
  SECRETS.token,
  SECRETS.password,
  SECRETS.key,
  encodeURIComponent(SECRETS.key),
  SECRETS.cookie,
  Buffer.from(`user:${SECRETS.password}`).toString('base64'),
];

function printedForms(error: unknown): string[] {
  const e = error as ApiError;
  return [e.message, String(e.stack), JSON.stringify(e), String(JSON.stringify(e.body)), JSON.stringify(e.headers), inspect(e, { depth: 10, showHidden: true })];
}

describe('credentials never leave in an error', () => {
  it('masks every kind the server echoes back: basic, query key (raw and encoded), cookie', async () => {
    const { server, api } = await serve(
      (req, res) => sendJson(res, 400, { error: { message: `saw ${req.url} ${req.headers.authorization} ${req.headers.cookie} ${decodeURIComponent(req.url ?? '')}` } }, { 'x-echo': `${req.headers.cookie}` }),
      { ...secretConfig, accessToken: undefined },
    );
    const error = await api.call({ ...getJson, security: everyKind }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    // The request did carry them all.
    expect(server.requests[0]!.url).toContain(encodeURIComponent(SECRETS.key));
    expect(server.requests[0]!.headers.cookie).toBe(`sid=${SECRETS.cookie}`);
    for (const text of printedForms(error)) for (const secret of secretForms) expect(text).not.toContain(secret);
    expect((error as ApiError).message).toContain('[redacted]');
  });

  it('masks a query key in the URL a failing fetch reports', async () => {
    const fetch = (async (url: string) => {
      throw new TypeError(`fetch failed for ${url}`);
    }) as unknown as typeof globalThis.fetch;
    const api = new TestApi({ basePath: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch, apiKey: SECRETS.key });
    const error = await api.call({ ...getJson, security: [{ key: queryKey }] }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('api_key=[redacted]');
    for (const text of printedForms(error)) for (const secret of secretForms) expect(text).not.toContain(secret);
  });
});

describe('Configuration with credentials', () => {
  it.each([
    ['a string apiKey', { apiKey: 'key-SECRET' }],
    ['an apiKey record', { apiKey: { X: 'key-SECRET' } }],
    ['basic credentials', { username: 'name-SECRET', password: 'pw-SECRET' }],
  ] as Array<[string, ConfigurationParameters]>)('never prints %s', (_name, params) => {
    const config = new Configuration({ ...params, apiKeyPrefix: { X: 'Token' } });
    for (const text of [JSON.stringify(config), String(config), inspect(config, { showHidden: true, depth: 5 }), JSON.stringify({ ...config })]) {
      expect(text).not.toContain('SECRET');
    }
    expect(config.toJSON()).toMatchObject({ apiKeyPrefix: { X: 'Token' } });
  });

  describe('in a browser', () => {
    beforeEach(() => {
      vi.stubGlobal('window', { document: {} });
      vi.stubGlobal('navigator', { userAgent: 'test' });
    });
    afterEach(() => vi.unstubAllGlobals());

    it.each([
      ['an apiKey', { apiKey: 'k' }],
      ['an apiKey function', { apiKey: () => 'k' }],
      ['a password', { username: 'u', password: 'p' }],
      ['a token getter', { accessToken: async () => 't' }],
    ] as Array<[string, ConfigurationParameters]>)('refuses %s without dangerouslyAllowBrowser', (_name, params) => {
      expect(() => new Configuration(params)).toThrow(/dangerouslyAllowBrowser: true/);
      expect(() => new Configuration({ ...params, dangerouslyAllowBrowser: true })).not.toThrow();
    });
  });
});
