// Webhooks and callbacks as the client's receiving side sees them: an event name, the payload's
// type, the headers it comes with and the answers it expects. Type names are decided here, after
// the models' and the API files', so a clash renames the webhook's type, with a warning.
import { camelize, type NameRegistry } from '../naming.ts';
import type { NormalizedSpec, NormalizedWebhook } from '../normalize/normalize.ts';
import { JSON_TYPE } from './buildApis.ts';
import { T, type TypeMapper } from './typeExpr.ts';
import type { WebhookIR, WebhookPayloadIR } from './types.ts';

/** What the generated src/webhooks.ts exports besides the per-event types, and docs/Webhooks.md's name: no model may take them. */
export const WEBHOOK_EXPORTS = ['Webhooks', 'WebhookContext', 'WebhookError', 'WebhookEventName', 'WebhookEvents', 'WebhookHandler', 'WebhookHandlers', 'WebhookHeaders', 'WebhookParseOptions'];

/** The names a spec's webhooks reserve (none without webhooks, so other clients keep every name). */
export function webhookReservedNames(spec: NormalizedSpec): string[] {
  return spec.webhooks.length > 0 ? WEBHOOK_EXPORTS : [];
}

export function buildWebhooks(spec: NormalizedSpec, mapper: TypeMapper, typeNames: NameRegistry): WebhookIR[] {
  return spec.webhooks.map((hook) => {
    const stem = typeStem(hook);
    const payloadTypeName = typeNames.claim(`${stem}Payload`);
    const handlerTypeName = typeNames.claim(`${stem}Handler`);
    if (payloadTypeName !== `${stem}Payload` || handlerTypeName !== `${stem}Handler`) {
      spec.diagnostics.warning(hook.pointer, `the types of event ${JSON.stringify(hook.name)} would clash with another type of the package; named ${payloadTypeName} and ${handlerTypeName}`, 'WEBHOOK_RENAMED');
    }
    return {
      name: hook.name,
      source: hook.source,
      operationId: hook.owner?.operationId,
      expression: hook.expression,
      method: hook.method,
      pointer: hook.pointer,
      summary: hook.summary,
      description: hook.description,
      deprecated: hook.deprecated,
      payload: payloadOf(hook, mapper),
      headers: hook.parameters.filter((p) => p.in === 'header').map((p) => ({ name: p.name, required: p.required, type: mapper.typeOf(p.schema), description: p.description })),
      responses: hook.responses.map((r) => ({ status: r.status, description: r.description })),
      payloadTypeName,
      handlerTypeName,
    };
  });
}

/** `dog.checked_in` → `DogCheckedInWebhook`; `subscribe.onStatus` → `SubscribeOnStatusCallback`. */
function typeStem(hook: NormalizedWebhook): string {
  const words = camelize(hook.name);
  const base = words === '' || /^[0-9]/.test(words) ? `Event${words}` : words;
  return `${base}${hook.source === 'webhook' ? 'Webhook' : 'Callback'}`;
}

/** The body the API sends: JSON first, then text, then bytes (as the client picks a request body). */
function payloadOf(hook: NormalizedWebhook, mapper: TypeMapper): WebhookPayloadIR {
  const body = hook.requestBody;
  const content = body?.content ?? [];
  const json = content.find((c) => JSON_TYPE.test(c.mediaType));
  const text = content.find((c) => /^text\//i.test(c.mediaType));
  const other = content[0];
  const common = { required: body?.required ?? false, description: body?.description };
  if (json) return { ...common, decode: 'json', mediaType: json.mediaType, type: mapper.typeOf(json.schema) };
  if (text) return { ...common, decode: 'text', mediaType: text.mediaType, type: T.string };
  if (other) return { ...common, decode: 'binary', mediaType: other.mediaType, type: T.binary };
  return { ...common, decode: 'none', type: T.void };
}
