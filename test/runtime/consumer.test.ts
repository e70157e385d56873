// What a new user meets first: credentials and base URL from the environment, a missing
// credential caught before sending, the browser guard and the User-Agent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, MissingCredentialError } from '../../templates/static/src/ApiError.js';
import { Configuration } from '../../templates/static/src/Configuration.js';
import { BASE_PATH } from '../../templates/static/src/runtime/server.js';
import type { RequestSpec } from '../../templates/static/src/runtime/types.js';
import { sendJson } from '../support/http.js';
import { BEARER, getJson } from './api.js';
import { useServer } from './serve.js';

const serve = useServer({ maxRetries: 0 });
const authed: RequestSpec = { ...getJson, method: 'post', security: BEARER };

beforeEach(() => {
  // The machine running the tests may have them set; each test decides.
  vi.stubEnv('OPENAI_API_KEY', '');
  vi.stubEnv('OPENAI_BASE_URL', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('a missing credential', () => {
  it('fails before sending, with one sentence naming what to set', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}));
    const error = await api.call(authed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingCredentialError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe(
      'POST /things needs a credential for ApiKeyAuth (HTTP bearer): set accessToken in the Configuration or the OPENAI_API_KEY environment variable.',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('is no error for an operation without security, or when the caller sends Authorization', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}), { defaultHeaders: { Authorization: 'Bearer from-header' } });
    await api.call(getJson);
    await api.call(authed);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer from-header', 'Bearer from-header']);
  });

  it('is raised when a token getter returns nothing', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}), { accessToken: async () => '' });
    await expect(api.call(authed)).rejects.toBeInstanceOf(MissingCredentialError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('environment variables', () => {
  it('reads OPENAI_API_KEY when accessToken is not given; an explicit token wins', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env');
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}));
    await api.call(authed);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-from-env');
    expect(await new Configuration({ accessToken: 'sk-explicit' }).resolveAccessToken()).toBe('sk-explicit');
    expect(await new Configuration({ accessToken: undefined }).resolveAccessToken()).toBe('sk-from-env');
  });

  it('reads OPENAI_BASE_URL when basePath is not given; an explicit basePath wins', () => {
    expect(new Configuration().basePath).toBe(BASE_PATH);
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/proxy/');
    expect(new Configuration().basePath).toBe('http://127.0.0.1:9/proxy');
    expect(new Configuration({ basePath: 'https://example.test/v2' }).basePath).toBe('https://example.test/v2');
  });

  it('never shows the key read from the environment', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env-secret');
    const config = new Configuration();
    expect(JSON.stringify(config)).not.toContain('sk-env-secret');
    expect(String(config)).not.toContain('sk-env-secret');
  });
});

describe('in a browser', () => {
  beforeEach(() => {
    vi.stubGlobal('window', { document: {} });
    vi.stubGlobal('navigator', { userAgent: 'test' });
  });

  it('refuses a credential unless the caller opts in with dangerouslyAllowBrowser', () => {
    expect(() => new Configuration({ accessToken: 'sk-x' })).toThrow(/dangerouslyAllowBrowser: true/);
    expect(() => new Configuration({ defaultHeaders: { 'api-key': 'sk-x' } })).toThrow(/dangerouslyAllowBrowser/);
    expect(new Configuration({ accessToken: 'sk-x', dangerouslyAllowBrowser: true }).hasAccessToken).toBe(true);
    expect(new Configuration({ basePath: 'https://proxy.example/v1' }).hasAccessToken).toBe(false);
  });

  it('does not mistake a server runtime for a browser', () => {
    vi.stubGlobal('window', undefined);
    expect(new Configuration({ accessToken: 'sk-x' }).hasAccessToken).toBe(true);
  });
});

describe('User-Agent', () => {
  it('names the package and version outside browsers, unless the caller sets one', async () => {
    const { server, api } = await serve((_req, res) => sendJson(res, 200, {}));
    await api.call(getJson);
    await api.call(getJson, { headers: { 'User-Agent': 'mine/1' } });
    expect(server.requests.map((r) => r.headers['user-agent'])).toEqual(['openapi-openai/1.0.0', 'mine/1']);
  });
});

