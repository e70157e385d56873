// Webhooks (3.1 root `webhooks`) and callbacks (3.0 `operation.callbacks`) become typed handlers:
// one payload type and handler type per event, the WebhookEvents map, parseWebhook and
// dispatchWebhook in src/webhooks.ts, docs/Webhooks.md, the README's list and the API docs'
// Callbacks lines. The fixtures are ours; one event name is hostile text.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../generator/load/loadSpec.ts';
import { normalize } from '../generator/normalize/normalize.ts';
import { buildClient, DEFAULT_SPEC, generate } from '../generator/pipeline.ts';
import { REPO, tempDir, TSC } from './helpers.ts';

const WEBHOOKS_31 = join(REPO, 'test/fixtures/webhooks/webhooks-31.yaml');
const CALLBACKS_30 = join(REPO, 'test/fixtures/webhooks/callbacks-30.yaml');
const HOSTILE_EVENT = '*/ evil`${x}` <script>alert(1)</script> | cell';

/** tsc's output for the client in `outDir` with one more source file (`lines`) beside its index, under its own strict tsconfig. */
function typecheckWith(outDir: string, fileName: string, lines: string[]): string {
  writeFileSync(join(outDir, 'src', fileName), lines.join('\n') + '\n');
  const tsc = spawnSync(TSC, ['-p', join(outDir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
  return tsc.stdout + tsc.stderr;
}

/** What the tests call of a generated client's src/webhooks.ts, loosely typed. */
interface WebhookModule {
  parseWebhook(event: string, body: string | Uint8Array, options?: { maxBytes?: number }): unknown;
  dispatchWebhook(handlers: Record<string, (payload: never, context: never) => unknown>, event: string, body: string | Uint8Array, options?: { headers?: Record<string, string | string[]> }): Promise<boolean>;
  WebhookError: new (message: string, event: string) => Error;
}

describe('normalize', () => {
  it('reads root webhooks, by $ref and inline, with payload, headers, responses and pointer', () => {
    const spec = normalize(loadSpec(WEBHOOKS_31));
    expect(spec.webhooks.map((w) => [w.source, w.name, w.method, w.pointer])).toEqual([
      ['webhook', 'dog.checked_in', 'post', '/components/pathItems/DogCheckedIn/post'],
      ['webhook', 'dog.checked_out', 'post', '/webhooks/dog.checked_out/post'],
      ['webhook', HOSTILE_EVENT, 'post', '/webhooks/*~1 evil`${x}` <script>alert(1)<~1script> | cell/post'],
      ['webhook', 'dog_checked_in', 'post', '/webhooks/dog_checked_in/post'],
    ]);
    const [byRef, inline] = spec.webhooks;
    expect(byRef!.requestBody!.content[0]!.schema).toEqual({ $ref: '#/components/schemas/Dog' });
    // The inline payload is lifted like an operation's body, under a name made from the event.
    expect(inline!.requestBody!.content[0]!.schema).toEqual({ $ref: '#/components/schemas/dog_checked_out_webhook_request' });
    expect(spec.inlineOrigins.get('dog_checked_out_webhook_request')).toBe('/webhooks/dog.checked_out/post/requestBody/content/application~1json/schema');
    expect(inline!.parameters.map((p) => [p.in, p.name, p.required])).toEqual([
      ['header', 'X-Kennel-Signature', true],
      ['header', 'X-Kennel-Attempt', false],
    ]);
    expect(inline!.responses.map((r) => r.status)).toEqual(['204', '410']);
    expect(inline!.description).toBe('Sent once the owner has collected the dog.');
  });

  it('reads each operation\'s callbacks, also by $ref, named after their operation', () => {
    const spec = normalize(loadSpec(CALLBACKS_30));
    expect(spec.webhooks.map((w) => [w.source, w.name, w.owner?.operationId, w.expression])).toEqual([
      ['callback', 'subscribe.onStatus', 'subscribe', '{$request.body#/callbackUrl}/status'],
      ['callback', 'subscribe.onCancel', 'subscribe', '{$request.body#/callbackUrl}/cancelled'],
      ['callback', 'unsubscribe.onStatus', 'unsubscribe', '{$request.query.url}'],
    ]);
    expect(spec.webhooks[0]!.requestBody!.content[0]!.schema).toEqual({ $ref: '#/components/schemas/subscribe_onStatus_callback_request' });
    expect(spec.webhooks[1]!.pointer).toBe('/components/callbacks/Cancelled/{$request.body#~1callbackUrl}~1cancelled/post');
    // Callback URL expressions are no paths: no "path parameter not declared" warnings.
    expect(spec.diagnostics.items).toEqual([]);
  });

  it('renames an event name met twice, with a located warning', () => {
    const file = join(tempDir('webhook-names'), 'spec.yaml');
    writeFileSync(file, readFileSync(CALLBACKS_30, 'utf8').replace("  '{$request.query.url}':", "  '{$request.query.url}':\n            put:\n              responses:\n                '200':\n                  description: OK.\n"));
    const spec = normalize(loadSpec(file));
    // Methods in openapi-generator's order: put before post.
    expect(spec.webhooks.map((w) => [w.name, w.method])).toEqual([
      ['subscribe.onStatus', 'post'],
      ['subscribe.onCancel', 'post'],
      ['unsubscribe.onStatus', 'put'],
      ['unsubscribe.onStatus_2', 'post'],
    ]);
    const warning = spec.diagnostics.items.find((d) => d.code === 'WEBHOOK_RENAMED');
    expect(warning).toMatchObject({ severity: 'warning', pointer: '/paths/~1subscriptions~1{id}/delete/callbacks/onStatus/{$request.query.url}/post' });
    expect(warning!.line).toBeGreaterThan(0);
  });
});

describe('webhooks in a 3.0 document', () => {
  it('are left out with a located warning (3.0 has no root webhooks)', () => {
    const file = join(tempDir('webhooks-30'), 'spec.yaml');
    writeFileSync(file, readFileSync(CALLBACKS_30, 'utf8') + "webhooks:\n  ping:\n    post:\n      responses:\n        '200':\n          description: OK.\n");
    const spec = normalize(loadSpec(file));
    expect(spec.webhooks.every((w) => w.source === 'callback')).toBe(true);
    expect(spec.diagnostics.items).toMatchObject([{ severity: 'warning', code: 'FEATURE_UNSUPPORTED', pointer: '/webhooks' }]);
  });
});

describe('a client with webhooks', async () => {
  const outDir = join(tempDir('webhooks'), 'client');
  const result = await generate({ specPath: WEBHOOKS_31, outDir });
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

  it('lists the webhooks in the IR: name, method, payload type, headers, statuses', () => {
    const [byRef, inline, hostile, clashing] = result.ir.webhooks;
    expect(byRef).toMatchObject({ name: 'dog.checked_in', source: 'webhook', method: 'post', payload: { decode: 'json', type: { kind: 'reference', model: 'Dog' } }, payloadTypeName: 'DogCheckedInWebhookPayload', handlerTypeName: 'DogCheckedInWebhookHandler' });
    expect(inline!.payload.type).toEqual({ kind: 'reference', model: 'DogCheckedOutWebhookRequest' });
    expect(inline!.headers.map((h) => h.name)).toEqual(['X-Kennel-Signature', 'X-Kennel-Attempt']);
    expect(inline!.responses.map((r) => r.status)).toEqual(['204', '410']);
    expect(hostile).toMatchObject({ name: HOSTILE_EVENT, deprecated: true, payloadTypeName: 'EvilXScriptAlert1ScriptCellWebhookPayload' });
    // `dog_checked_in` and `dog.checked_in` make the same type names: the second is renamed, with a warning.
    expect(clashing).toMatchObject({ payloadTypeName: 'DogCheckedInWebhookPayload2', handlerTypeName: 'DogCheckedInWebhookHandler2', payload: { decode: 'text' } });
    expect(result.warnings.filter((w) => w.code === 'WEBHOOK_RENAMED').map((w) => w.pointer)).toEqual(['/webhooks/dog_checked_in/post']);
  });

  it('type-checks under the strict tsconfig, and a handler of the wrong payload does not', { timeout: 120_000 }, () => {
    const output = typecheckWith(outDir, 'webhook-checks.ts', [
      "import type { DogCheckedInWebhookHandler, DogCheckedOutWebhookHandler, WebhookHandlers } from './index.js';",
      "import { parseWebhook } from './index.js';",
      'export const ok: DogCheckedInWebhookHandler = (dog) => { dog.name.toUpperCase(); };',
      'export const out: DogCheckedOutWebhookHandler = (event, context) => { event.collected_at.trim(); context.headers["x-kennel-signature"]; };',
      "export const handlers: WebhookHandlers = { 'dog.checked_in': ok, dog_checked_in: (text) => { text.trim(); } };",
      "export const dog = parseWebhook('dog.checked_in', '{}');",
      'export const id: string = dog.id;',
      '// @ts-expect-error: a checked-out handler is no checked-in handler (its payload lacks collected_at)',
      'export const wrong: DogCheckedOutWebhookHandler = ok;',
      '// @ts-expect-error: the payload of dog.checked_in has no collected_at',
      'export const notThere = (dog2: Parameters<DogCheckedInWebhookHandler>[0]) => dog2.collected_at;',
      "// @ts-expect-error: handlers are keyed by event name; there is no such event",
      "export const unknownEvent: WebhookHandlers = { 'dog.adopted': ok };",
      "// @ts-expect-error: the text event's payload is a string",
      "export const textIsNoDog: WebhookHandlers = { dog_checked_in: ok };",
    ]);
    expect(output).toBe('');
  });

  it('parses bodies with JSON.parse within a byte limit and dispatches to the typed handler', async () => {
    const client = (await import(pathToFileURL(join(outDir, 'src/index.ts')).href)) as WebhookModule;
    expect(client.parseWebhook('dog.checked_in', '{"id":"d1","name":"Rex"}')).toEqual({ id: 'd1', name: 'Rex' });
    expect(client.parseWebhook('dog.checked_in', new TextEncoder().encode('{"id":"d2","name":"Ö"}'))).toEqual({ id: 'd2', name: 'Ö' });
    expect(client.parseWebhook('dog_checked_in', 'plain text')).toBe('plain text');
    expect(() => client.parseWebhook('dog.checked_in', '{"id":"' + 'x'.repeat(100) + '"}', { maxBytes: 64 })).toThrow(/larger than 64 bytes/);
    // Multi-byte characters count as bytes, not UTF-16 units.
    expect(() => client.parseWebhook('dog.checked_in', `"${'é'.repeat(40)}"`, { maxBytes: 64 })).toThrow(client.WebhookError);
    expect(() => client.parseWebhook('dog.checked_in', 'alert(1)')).toThrow(/not JSON/);
    expect(() => client.parseWebhook('dog.checked_in', new Uint8Array([0xff, 0xfe]))).toThrow(/not UTF-8/);
    expect(() => client.parseWebhook('toString', '{}')).toThrow(/unknown webhook event/);

    const seen: unknown[] = [];
    const handlers = { 'dog.checked_in': (payload: unknown, context: { event: string; headers: Record<string, string> }) => void seen.push([payload, context]) };
    expect(await client.dispatchWebhook(handlers, 'dog.checked_in', '{"id":"d3","name":"Fido"}', { headers: { 'X-Kennel-Signature': 'abc', 'X-Multi': ['a', 'b'] } })).toBe(true);
    expect(seen).toEqual([[{ id: 'd3', name: 'Fido' }, { event: 'dog.checked_in', headers: { 'x-kennel-signature': 'abc', 'x-multi': 'a, b' } }]]);
    // No handler, or no such event: nothing is read.
    expect(await client.dispatchWebhook(handlers, 'dog.checked_out', 'not json')).toBe(false);
    expect(await client.dispatchWebhook(handlers, '__proto__', '{}')).toBe(false);
    await expect(client.dispatchWebhook(handlers, 'dog.checked_in', '{')).rejects.toThrow(client.WebhookError);
  });

  it('keeps the hostile event name as text: in string literals, comments and escaped Markdown', () => {
    const source = read('src/webhooks.ts');
    expect(source).toContain("  '*/ evil\\u0060${x}\\u0060 <script>alert(1)</script> | cell': EvilXScriptAlert1ScriptCellWebhookPayload;");
    expect(source).toContain(' * *\\/ process.exit(1) /* <img src=x onerror=alert(1)> ``` `');
    expect(source).not.toMatch(/^\s*process\.exit/m);
    const doc = read('docs/Webhooks.md');
    // Outside code blocks (where a string literal holds it as text) no markup survives.
    const prose = doc.replace(/^```ts\n[\s\S]*?^```$/gm, '');
    expect(prose).not.toContain('<script>');
    expect(prose).not.toContain('<img');
    expect(doc).toContain("  const event = '*/ evil\\u0060${x}\\u0060 <script>alert(1)</script> | cell';");
    expect(doc).toContain('## ``*/ evil`${x}` &lt;script&gt;alert(1)&lt;/script&gt; \\| cell``');
    expect(read('README.md')).not.toContain('<script>');
  });

  it('documents each event and lists them in the README; the index exports the webhook types', () => {
    const doc = read('docs/Webhooks.md');
    expect(doc).toContain('## `dog.checked_out`');
    expect(doc).toContain('[**DogCheckedOutWebhookRequest**](DogCheckedOutWebhookRequest.md) as `application/json`, typed `DogCheckedOutWebhookPayload`.');
    expect(doc).toContain('| `X-Kennel-Signature` | **string** | yes | HMAC of the body, hex. |');
    expect(doc).toContain('| 410 | Stop sending; the subscription is gone. |');
    expect(read('README.md')).toContain('| [`dog.checked_out`](docs/Webhooks.md#dogchecked_out) | **POST** | `DogCheckedOutWebhookPayload` | A dog went home. |');
    const index = read('src/index.ts');
    expect(index).toMatch(/^export \{ WebhookError, DEFAULT_WEBHOOK_MAX_BYTES, isWebhookEvent, parseWebhook, dispatchWebhook \} from '\.\/webhooks\.js';$/m);
    expect(index).toMatch(/^export type \{ WebhookEvents, .*DogCheckedInWebhookHandler.*WebhookHandlers.* \} from '\.\/webhooks\.js';$/m);
  });

  it('is the same, byte for byte, when generated again', () => {
    const again = buildClient(WEBHOOKS_31);
    for (const path of ['src/webhooks.ts', 'docs/Webhooks.md', 'README.md', 'src/index.ts']) expect(again.files.get(path)).toBe(result.files.get(path));
  });
});

describe('a client with callbacks (OpenAPI 3.0)', async () => {
  const outDir = join(tempDir('callbacks'), 'client');
  const result = await generate({ specPath: CALLBACKS_30, outDir });
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

  it('types each callback, names its operation, and type-checks', { timeout: 120_000 }, () => {
    expect(result.ir.webhooks.map((w) => [w.name, w.source, w.operationId, w.payloadTypeName])).toEqual([
      ['subscribe.onStatus', 'callback', 'subscribe', 'SubscribeOnStatusCallbackPayload'],
      ['subscribe.onCancel', 'callback', 'subscribe', 'SubscribeOnCancelCallbackPayload'],
      ['unsubscribe.onStatus', 'callback', 'unsubscribe', 'UnsubscribeOnStatusCallbackPayload'],
    ]);
    const output = typecheckWith(outDir, 'callback-checks.ts', [
      "import type { SubscribeOnStatusCallbackHandler } from './index.js';",
      "export const ok: SubscribeOnStatusCallbackHandler = (report) => { const s: 'eating' | 'sleeping' | 'playing' = report.status; void s; };",
      "// @ts-expect-error: a status report's status is one of three words",
      "export const wrong: SubscribeOnStatusCallbackHandler = (report) => { const n: number = report.status; void n; };",
    ]);
    expect(output).toBe('');
  });

  it('lists the callbacks under their operation in the API doc, linking to docs/Webhooks.md', () => {
    const doc = read('docs/SubscriptionsApi.md');
    expect(doc).toContain('**Callbacks**: [`subscribe.onStatus`](Webhooks.md#subscribeonstatus), [`subscribe.onCancel`](Webhooks.md#subscribeoncancel), requests the API sends back (see [Webhooks.md](Webhooks.md)).');
    expect(read('docs/Webhooks.md')).toContain('Callback of [SubscriptionsApi.subscribe](SubscriptionsApi.md#subscribe), sent as **POST** to `{$request.body#/callbackUrl}/status`.');
  });
});

it('the committed OpenAI subset lists its webhook', () => {
  const built = buildClient(DEFAULT_SPEC);
  expect(built.ir.webhooks.map((w) => [w.name, w.payloadTypeName])).toEqual([['batch_completed', 'BatchCompletedWebhookPayload']]);
  expect(built.files.get('src/webhooks.ts')).toContain('export type BatchCompletedWebhookPayload = WebhookBatchCompleted;');
});

it('a spec without webhooks or callbacks gets no webhooks file, doc or README section', () => {
  const built = buildClient(join(REPO, 'test/fixtures/wire/params-media.yaml'));
  expect(built.ir.webhooks).toEqual([]);
  expect(built.files.has('src/webhooks.ts')).toBe(false);
  expect(built.files.has('docs/Webhooks.md')).toBe(false);
  expect(built.files.get('README.md')).not.toContain('Webhooks and callbacks');
  expect(built.files.get('src/index.ts')).not.toContain('webhooks');
});
