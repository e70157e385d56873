// The openapi-generator oracle itself: the pinned jar runs, validate gives located
// diagnostics, and the Ruby options produce the doc layout of the project's seed, whose facts
// test/fixtures/oracle/seed-layout.json holds.
// These tests need Java and the jar (bash scripts/fetch-generator-jar.sh): without them they fail.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/errors.ts';
import { REPO_ROOT } from '../../generator/files.ts';
import { locateJar, pinnedGeneratorVersion } from '../../generator/oracle/jar.ts';
import { runOpenApiGenerator } from '../../generator/oracle/jvm.ts';
import { generateRubyClient, validateWithOpenApiGenerator } from '../../generator/oracle/openapiGenerator.ts';
import { readRubyInventory } from '../../generator/oracle/parity.ts';

const BROKEN = path.join(REPO_ROOT, 'test/fixtures/broken/oracle-invalid.yaml');
const YAML_SYNTAX = path.join(REPO_ROOT, 'test/fixtures/broken/oracle-yaml-syntax.yaml');
const TINY = path.join(REPO_ROOT, 'test/fixtures/oracle/tiny-chat.yaml');
const SEED_LAYOUT = path.join(REPO_ROOT, 'test/fixtures/oracle/seed-layout.json');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'oracle-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the pinned openapi-generator', () => {
  it('is a 7.x jar that runs', async () => {
    const version = pinnedGeneratorVersion();
    expect(version).toMatch(/^7\.\d+\.\d+$/);
    const jar = locateJar();
    expect(path.basename(jar)).toBe(`${version}.jar`);
    const r = await runOpenApiGenerator(['version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});

describe('validateWithOpenApiGenerator', () => {
  const expected = [
    { severity: 'error', pointer: '/components/schemas/audit_log.api_key.created/required', message: /is not of type `array`/ },
    { severity: 'error', pointer: '/paths/~1chat~1completions/post/responses', message: /responses is missing/ },
    { severity: 'error', pointer: '/paths/~1models/get/responses/200/content/application~1json/schema', message: /invalid type objekt/ },
    { severity: 'error', pointer: '/paths/~1models/get/parameters/0/in', message: /in is missing/ },
    { severity: 'warning', pointer: '/components/schemas/audit_log.api_key.created', message: /^Unused model: / },
  ];

  it('reports each problem of a broken spec with a JSON pointer', async () => {
    const diags = await validateWithOpenApiGenerator(BROKEN);
    for (const e of expected) expect(diags).toContainEqual({ ...e, file: BROKEN, message: expect.stringMatching(e.message) });
    expect(diags.filter((d) => d.severity === 'error')).toHaveLength(4);
  });

  it('reads .yaml.gz specs and reports them under their own path', async () => {
    const gz = path.join(tmp, 'broken.yaml.gz');
    await writeFile(gz, gzipSync(await readFile(BROKEN)));
    const diags = await validateWithOpenApiGenerator(gz);
    expect(diags.map((d) => d.pointer)).toEqual(expect.arrayContaining(expected.map((e) => e.pointer)));
    expect(new Set(diags.map((d) => d.file))).toEqual(new Set([gz]));
  });

  it('never hands openapi-generator a spec our loader cannot read: a YAML syntax error is our located error', async () => {
    const failure = await validateWithOpenApiGenerator(YAML_SYNTAX).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(SpecError);
    expect((failure as SpecError).diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: YAML_SYNTAX, line: 5 })]);
  });

  it('finds nothing wrong with the tiny spec', async () => {
    const diags = await validateWithOpenApiGenerator(TINY);
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('generateRubyClient', () => {
  it('writes ChatApi#create_chat_completion with the seed doc layout, and keeps untagged operations', async () => {
    const out = path.join(tmp, 'ruby');
    const r = await generateRubyClient(TINY, out);
    expect(r.code).toBe(0);
    expect(r.droppedWebhooks).toBe(true);

    const api = await readFile(path.join(out, 'lib/openapi_openai/api/chat_api.rb'), 'utf8');
    expect(api).toMatch(/^module OpenApiOpenAIClient$/m);
    expect(api).toMatch(/^ {2}class ChatApi$/m);
    expect(api).toMatch(/^ {4}def create_chat_completion\(create_chat_completion_request, opts = \{\}\)$/m);
    expect(api).toMatch(/^ {4}def create_chat_completion_with_http_info\(/m);

    // The options are those of the seed: same title, gem require and example lines, same sections in order.
    const seed = JSON.parse(await readFile(SEED_LAYOUT, 'utf8')) as { lines: string[]; headings: string[] };
    const doc = (await readFile(path.join(out, 'docs/ChatApi.md'), 'utf8')).split('\n');
    for (const line of seed.lines) expect(doc, `generated line: ${line}`).toContain(line);
    const headingAt = seed.headings.map((heading) => doc.indexOf(heading));
    expect(headingAt.every((at) => at >= 0), `headings ${seed.headings.join(' | ')} at ${headingAt.join(', ')}`).toBe(true);
    expect(headingAt, 'headings in the seed order').toEqual([...headingAt].sort((a, b) => a - b));

    const inv = await readRubyInventory(out);
    expect(inv.apis).toEqual(['ChatApi', 'DefaultApi']);
    expect(inv.operations).toEqual([
      'ChatApi.createChatCompletion',
      'ChatApi.createChatCompletionWithHttpInfo',
      'DefaultApi.listContainers',
      'DefaultApi.listContainersWithHttpInfo',
    ]);
    // Inline schemas take openapi-generator's names: parent + property, _inner for items,
    // <operationId>_<status>_response for an inline response body.
    expect(inv.models).toEqual([
      'CreateChatCompletionRequest',
      'CreateChatCompletionRequestMessagesInner',
      'CreateChatCompletionRequestStop',
      'CreateChatCompletionResponse',
      'ListContainers200Response',
      'ListContainers200ResponseDataInner',
    ]);
    expect(inv.docs).toEqual([...inv.apis, ...inv.models].sort());
  });
});
