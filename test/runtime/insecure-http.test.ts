// Credentials never cross the network in clear text by default: a request that carries some is
// refused before sending when its URL is plain http to another machine, unless the caller sets
// allowInsecureHttp. Loopback stays allowed (local servers, tests). A stub fetch records what
// would have gone out, so no request ever leaves the machine.
import { describe, expect, it } from 'vitest';
import { ApiError, InsecureTransportError } from '../../templates/static/src/ApiError.js';
import type { ConfigurationParameters } from '../../templates/static/src/Configuration.js';
import type { SecurityRequirement, SecurityScheme } from '../../templates/static/src/runtime/auth.js';
import { isLoopbackHost } from '../../templates/static/src/runtime/transport.js';
import { getJson, TestApi } from './api.js';

const bearer: SecurityScheme = { type: 'http', scheme: 'bearer' };
const queryKey: SecurityScheme = { type: 'apiKey', in: 'query', name: 'api_key' };
const SECRET = 'sk-very-secret-1234';

/** Calls one operation through a fetch that only records; returns what was sent, or the error. */
async function call(config: ConfigurationParameters, security: SecurityRequirement[] = [{ bearerAuth: bearer }]): Promise<{ sent: string[]; error?: unknown }> {
  const sent: string[] = [];
  const fetch = async (input: string | URL | Request) => {
    sent.push(String(input));
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const api = new TestApi({ maxRetries: 0, fetch: fetch as typeof globalThis.fetch, ...config });
  try {
    await api.call({ ...getJson, security });
    return { sent };
  } catch (error) {
    return { sent, error };
  }
}

describe('credentials over plain http', () => {
  const cases: Array<[string, ConfigurationParameters, 'refused' | 'sent']> = [
    ['http to another machine', { basePath: 'http://s3.example.com', accessToken: SECRET }, 'refused'],
    ['http to another machine, allowInsecureHttp', { basePath: 'http://s3.example.com', accessToken: SECRET, allowInsecureHttp: true }, 'sent'],
    ['https', { basePath: 'https://s3.example.com', accessToken: SECRET }, 'sent'],
    ['http to localhost', { basePath: 'http://localhost:8080', accessToken: SECRET }, 'sent'],
    ['http to 127.0.0.1', { basePath: 'http://127.0.0.1:9000/v1', accessToken: SECRET }, 'sent'],
    ['http to [::1]', { basePath: 'http://[::1]:9000', accessToken: SECRET }, 'sent'],
    ['http to a *.localhost name', { basePath: 'http://api.localhost', accessToken: SECRET }, 'sent'],
    ['http to a name that only starts like localhost', { basePath: 'http://localhost.example.com', accessToken: SECRET }, 'refused'],
  ];
  it.each(cases)('%s: %s', async (_name, config, want) => {
    const { sent, error } = await call(config);
    if (want === 'sent') {
      expect(error).toBeUndefined();
      expect(sent).toHaveLength(1);
      return;
    }
    expect(sent).toEqual([]);
    expect(error).toBeInstanceOf(InsecureTransportError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain('allowInsecureHttp');
    expect((error as Error).message).toContain(new URL(config.basePath!).origin);
    expect(JSON.stringify(error) + String(error) + (error as Error).message).not.toContain(SECRET);
  });

  it('an operation without credentials, or an optional one called without, goes over http', async () => {
    expect((await call({ basePath: 'http://s3.example.com' }, [])).sent).toHaveLength(1);
    expect((await call({ basePath: 'http://s3.example.com' }, [{ bearerAuth: bearer }, {}])).sent).toHaveLength(1);
  });

  it('a key in the query string is a credential too, and the refusal never names it', async () => {
    const { sent, error } = await call({ basePath: 'http://s3.example.com', apiKey: SECRET }, [{ key: queryKey }]);
    expect(sent).toEqual([]);
    expect(error).toBeInstanceOf(InsecureTransportError);
    expect((error as Error).message).not.toContain(SECRET);
  });

  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['a.b.localhost', true],
    ['127.10.0.1', true],
    ['[::1]', true],
    ['localhost.evil.com', false],
    ['127.0.0.1.nip.io', false],
    ['10.0.0.1', false],
    ['[::2]', false],
  ])('isLoopbackHost(%s) is %s', (host, want) => {
    expect(isLoopbackHost(host)).toBe(want);
  });
});
