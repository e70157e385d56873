// Server URL variables (runtime/servers.ts), Configuration's serverIndex and serverVariables,
// and path- or operation-level servers, against a server on 127.0.0.1 where it matters.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Configuration } from '../../templates/static/src/Configuration.js';
import { resolveServerUrl, type ServerSpec } from '../../templates/static/src/runtime/servers.js';
import type { RequestSpec } from '../../templates/static/src/runtime/types.js';
import { sendJson, startServer, type TestServer } from '../support/http.js';
import { TestApi } from './api.js';

// The generated server.ts of a spec with three servers, like the real specs of issue 12.
vi.mock('../../templates/static/src/runtime/server.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  BASE_PATH_ENV: undefined,
  SERVERS: [
    {
      url: 'http://{host}:{port}/{version}',
      variables: { host: { default: '127.0.0.1' }, port: { default: '9' }, version: { default: 'v1', enum: ['v1', 'v2'] } },
    },
    { url: 'https://{defaultHost}', variables: { defaultHost: { default: 'www.example.com' } } },
    {
      url: 'http://s3{dash-or-dot}{region}.amazonaws.com',
      variables: { 'dash-or-dot': { default: '.', enum: ['.', '-'] }, region: { default: 'us-east-1', enum: ['us-east-1', 'eu-west-1'] } },
    },
  ] satisfies ServerSpec[],
}));

const S3: ServerSpec[] = [
  {
    url: 'http://s3{dash-or-dot}{region}.amazonaws.com',
    variables: { 'dash-or-dot': { default: '.', enum: ['.', '-'] }, region: { default: 'us-east-1', enum: ['us-east-1', 'eu-west-1'] } },
  },
];

describe('resolveServerUrl', () => {
  it('fills every variable from its default', () => {
    expect(resolveServerUrl([{ url: 'https://{defaultHost}', variables: { defaultHost: { default: 'www.example.com' } } }])).toBe(
      'https://www.example.com',
    );
    expect(resolveServerUrl(S3)).toBe('http://s3.us-east-1.amazonaws.com');
    expect(resolveServerUrl([{ url: 'https://api.example.com/v1' }])).toBe('https://api.example.com/v1');
  });

  it('takes chosen values, picks by index, and checks them against enum', () => {
    expect(resolveServerUrl(S3, 0, { 'dash-or-dot': '-', region: 'eu-west-1' })).toBe('http://s3-eu-west-1.amazonaws.com');
    expect(resolveServerUrl([{ url: 'https://a' }, { url: 'https://b' }], 1)).toBe('https://b');
    expect(() => resolveServerUrl(S3, 0, { region: 'mars-1' })).toThrow(
      new RangeError('Server variable "region" must be one of "us-east-1", "eu-west-1", not "mars-1"'),
    );
  });

  it('refuses an unknown variable name, an index out of range, an undeclared {name} and an empty list', () => {
    expect(() => resolveServerUrl(S3, 0, { regoin: 'eu-west-1' })).toThrow(
      new RangeError('Unknown server variable "regoin" for http://s3{dash-or-dot}{region}.amazonaws.com; it has "dash-or-dot", "region"'),
    );
    expect(resolveServerUrl(S3, 0, { regoin: 'x' }, { ignoreUnknown: true })).toBe('http://s3.us-east-1.amazonaws.com');
    for (const index of [-1, 1, 0.5, Number.NaN]) expect(() => resolveServerUrl(S3, index)).toThrow(/serverIndex must be an integer from 0 to 0/);
    expect(() => resolveServerUrl([{ url: 'https://{defaultHost}' }])).toThrow(/uses \{defaultHost\}, which it does not declare: pass basePath/);
    expect(() => resolveServerUrl([])).toThrow(/declares no server: pass basePath/);
  });
});

describe('Configuration: serverIndex and serverVariables', () => {
  it('defaults to the first server with its defaults, and takes an index and variables', () => {
    expect(new Configuration().basePath).toBe('http://127.0.0.1:9/v1');
    expect(new Configuration({ serverIndex: 1 }).basePath).toBe('https://www.example.com');
    expect(new Configuration({ serverIndex: 2, serverVariables: { region: 'eu-west-1' } }).basePath).toBe('http://s3.eu-west-1.amazonaws.com');
  });

  it('refuses a bad index, an unknown variable or a value outside enum with a RangeError, even beside basePath', () => {
    expect(() => new Configuration({ serverIndex: 3 })).toThrow(RangeError);
    expect(() => new Configuration({ serverVariables: { region: 'eu-west-1' } })).toThrow(/Unknown server variable "region"/);
    expect(() => new Configuration({ serverVariables: { version: 'v3' } })).toThrow(/must be one of "v1", "v2", not "v3"/);
    expect(() => new Configuration({ basePath: 'http://h', serverIndex: 7 })).toThrow(RangeError);
  });

  it('lets basePath win over the servers', () => {
    expect(new Configuration({ basePath: 'http://h/x/', serverIndex: 1 }).basePath).toBe('http://h/x');
    expect(new Configuration({ basePath: 'http://h' }).baseUrlFor(S3)).toBe('http://h');
  });
});

describe('servers on the wire', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function loopback() {
    server = await startServer((_req, res) => sendJson(res, 200, {}));
    return { server, port: new URL(server.baseUrl).port };
  }

  const getThings: RequestSpec = { method: 'GET', path: '/things', responseType: 'json' };

  it('sends to the configured server with its variables filled', async () => {
    const { server, port } = await loopback();
    await new TestApi({ serverVariables: { port, version: 'v2' }, maxRetries: 0 }).call(getThings);
    expect(server.requests.map((r) => r.url)).toEqual(['/v2/things']);
  });

  it("an operation's own servers win over the configured server, sharing its variables by name; basePath wins over both", async () => {
    const { server, port } = await loopback();
    const operationServers: ServerSpec[] = [
      { url: 'http://127.0.0.1:{port}/{area}', variables: { port: { default: '9' }, area: { default: 'uploads', enum: ['uploads'] } } },
      { url: 'http://unused.invalid' },
    ];
    const spec: RequestSpec = { ...getThings, servers: operationServers };
    await new TestApi({ serverVariables: { port, version: 'v2' }, maxRetries: 0 }).call(spec);
    await new TestApi({ basePath: `http://127.0.0.1:${port}/base`, maxRetries: 0 }).call(spec);
    expect(server.requests.map((r) => r.url)).toEqual(['/uploads/things', '/base/things']);
  });

  it("refuses a configured value outside an operation server's enum before sending", async () => {
    const { server, port } = await loopback();
    const spec: RequestSpec = {
      ...getThings,
      servers: [{ url: 'http://127.0.0.1:{port}/{version}', variables: { port: { default: port }, version: { default: 'v9', enum: ['v9'] } } }],
    };
    await expect(new TestApi({ serverVariables: { port, version: 'v1' }, maxRetries: 0 }).call(spec)).rejects.toThrow(
      /must be one of "v9", not "v1"/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
