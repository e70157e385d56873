// `npm run validate` hands openapi-generator the untrusted spec. openapi-generator follows
// external $refs (URLs, files beside the spec), so it must only ever see an isolated copy
// without them: no request to a URL in the spec, no file read outside the spec's folder.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutExternalRefs } from '../../generator/oracle/isolatedSpec.ts';
import { runOpenApiGenerator } from '../../generator/oracle/jvm.ts';
import { generateRubyClient, validateWithOpenApiGenerator } from '../../generator/oracle/openapiGenerator.ts';
import { SpecError } from '../../generator/errors.ts';
import { REPO, tempDir } from '../helpers.ts';

let server: Server;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.setHeader('content-type', 'application/yaml');
    res.end('type: object\nproperties:\n  leaked: {type: string}\n');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

/**
 * spec/openapi.yaml refers to a URL and to ../outside/secret.yaml; the secret file in turn
 * refers to another URL, so reading it shows up as a request too.
 */
function hostileSpecFolder(): string {
  const root = tempDir('isolation');
  mkdirSync(join(root, 'spec'));
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside/secret.yaml'), `type: object\nproperties:\n  inner: {$ref: '${origin}/from-secret.yaml'}\n`);
  const spec = join(root, 'spec/openapi.yaml');
  writeFileSync(spec, readFileSync(join(REPO, 'test/fixtures/oracle/external-refs.yaml'), 'utf8').replaceAll('ORIGIN', origin));
  return spec;
}

describe('validate with openapi-generator', () => {
  it('follows external $refs when handed the spec itself (the control: this is what must not happen)', { timeout: 120_000 }, async () => {
    requests.length = 0;
    const spec = hostileSpecFolder();
    await runOpenApiGenerator(['validate', '-i', spec], { cwd: join(spec, '..') });
    expect(requests).toContain('/x.yaml');
    expect(requests, 'it read ../outside/secret.yaml').toContain('/from-secret.yaml');
  });

  it('makes no request and reads nothing outside the spec folder through our oracle', { timeout: 120_000 }, async () => {
    requests.length = 0;
    const spec = hostileSpecFolder();
    // The load stage refuses the remote and outside references before the oracle runs.
    await expect(validateWithOpenApiGenerator(spec)).rejects.toThrow(/is remote: only files inside the spec's folder are read, never the network/);
    expect(requests).toEqual([]);
  });

  it('the reference Ruby client (npm run parity) is made from the same isolated copy: no request either', { timeout: 120_000 }, async () => {
    requests.length = 0;
    const spec = hostileSpecFolder();
    // Our loader refuses the remote and outside $refs first; openapi-generator never sees the spec.
    await expect(generateRubyClient(spec, join(tempDir('isolation-ruby'), 'ruby'))).rejects.toBeInstanceOf(SpecError);
    expect(requests).toEqual([]);
  });

  it('npm run validate reports each external $ref at its line, with no request made', { timeout: 120_000 }, async () => {
    requests.length = 0;
    const spec = hostileSpecFolder();
    const cli = promisify(execFile)(join(REPO, 'node_modules/.bin/tsx'), [join(REPO, 'generator/cli.ts'), 'validate', '--spec', spec], { cwd: REPO });
    const failure = (await cli.catch((err: unknown) => err)) as { code: number; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(`${spec}:19:24 error at #/components/schemas/Thing/properties/remote/$ref: $ref '${origin}/x.yaml' is remote: only files inside the spec's folder are read, never the network`);
    expect(failure.stderr).toContain(`${spec}:20:24 error at #/components/schemas/Thing/properties/secret/$ref: $ref '../outside/secret.yaml' leaves the spec's folder`);
    expect(requests).toEqual([]);
  });

  it('the copy it gets keeps local $refs and drops every other one', () => {
    const copy = JSON.parse(
      withoutExternalRefs({
        a: { $ref: '#/components/schemas/A' },
        b: { $ref: 'http://example.test/x.yaml', description: 'kept' },
        c: { $ref: '/etc/passwd' },
        properties: { $ref: { type: 'string' } },
      }),
    ) as unknown;
    expect(copy).toEqual({ a: { $ref: '#/components/schemas/A' }, b: { description: 'kept' }, c: {}, properties: { $ref: { type: 'string' } } });
  });
});
