import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Configuration } from '../../templates/static/src/Configuration.js';
import { BASE_PATH } from '../../templates/static/src/runtime/server.js';
import * as runtime from '../../templates/static/src/runtime/index.js';
import { TestApi } from './api.js';

describe('Configuration', () => {
  it('has the documented defaults', () => {
    const config = new Configuration();
    expect(config.basePath).toBe(BASE_PATH);
    expect(BASE_PATH).toBe('https://api.openai.com/v1');
    expect(config.maxRetries).toBe(2);
    expect(config.timeoutMs).toBe(600_000);
    expect(config.fetch).toBeUndefined();
    expect(config.defaultHeaders).toEqual({});
  });

  it('trims a trailing slash from basePath and validates numbers', () => {
    expect(new Configuration({ basePath: 'http://h/v1/' }).basePath).toBe('http://h/v1');
    expect(() => new Configuration({ maxRetries: -1 })).toThrow(RangeError);
    expect(() => new Configuration({ timeoutMs: Number.NaN })).toThrow(RangeError);
  });

  it('resolves a string, a sync getter or an async getter on every call', async () => {
    expect(await new Configuration({ accessToken: 'a' }).resolveAccessToken()).toBe('a');
    expect(await new Configuration({}).resolveAccessToken()).toBeUndefined();
    expect(await new Configuration({ accessToken: '' }).resolveAccessToken()).toBeUndefined();
    let n = 0;
    const config = new Configuration({ accessToken: async () => `t${++n}` });
    expect([await config.resolveAccessToken(), await config.resolveAccessToken()]).toEqual(['t1', 't2']);
    expect(await new Configuration({ accessToken: () => 'sync' }).resolveAccessToken()).toBe('sync');
  });

  it('keeps the token out of every printed form', () => {
    const secret = 'sk-proj-abcdef0123456789';
    const config = new Configuration({ accessToken: secret, defaultHeaders: { authorization: `Bearer ${secret}` } });
    const printed = [JSON.stringify(config), String(config), `${config}`, inspect(config, { showHidden: true, depth: 5 }), JSON.stringify({ ...config }), Object.keys(config).join()];
    for (const text of printed) expect(text).not.toContain(secret);
    expect(JSON.parse(JSON.stringify(config))).toMatchObject({ accessToken: '[redacted]', defaultHeaders: { authorization: '[redacted]' } });
  });

  it('treats any header named like a key, token, secret or password as a credential', () => {
    const headers = { 'X-Goog-Api-Key': 'g1', 'X-Auth-Token': 't1', 'Client-Secret': 's1', 'X-Password': 'p1', 'OpenAI-Organization': 'org-1' };
    const json = JSON.parse(JSON.stringify(new Configuration({ defaultHeaders: headers })));
    expect(json.defaultHeaders).toEqual({
      'X-Goog-Api-Key': '[redacted]',
      'X-Auth-Token': '[redacted]',
      'Client-Secret': '[redacted]',
      'X-Password': '[redacted]',
      'OpenAI-Organization': 'org-1',
    });
  });

  it('validates and reports the limits against hostile servers', () => {
    const config = new Configuration({ maxRedirects: 0, maxResponseBytes: 10, streamIdleTimeoutMs: 0, maxStreamEventLength: 20 });
    expect(config.toJSON()).toMatchObject({ maxRedirects: 0, maxResponseBytes: 10, streamIdleTimeoutMs: 0, maxStreamEventLength: 20 });
    for (const name of ['maxRedirects', 'maxResponseBytes', 'streamIdleTimeoutMs', 'maxStreamEventLength']) {
      expect(() => new Configuration({ [name]: -1 }), name).toThrow(`${name} must be a non-negative number`);
    }
  });

  it('is accepted by BaseApi as an instance or as parameters', () => {
    const config = new Configuration({ basePath: 'http://h' });
    expect(new TestApi(config as never).configuration).toBe(config);
    expect(new TestApi({ maxRetries: 7 }).configuration.maxRetries).toBe(7);
  });
});

describe('runtime index', () => {
  it('re-exports the public runtime API', () => {
    for (const name of ['BaseApi', 'Stream', 'SseDecoder', 'readServerSentEvents', 'toFile', 'Configuration', 'ApiError', 'StreamError', 'TimeoutError', 'BASE_PATH']) {
      expect(runtime, name).toHaveProperty(name);
    }
  });
});
