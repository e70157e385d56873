// The webhooks' strings: src/webhooks.ts's types and decode table, docs/Webhooks.md's sections
// and examples, the README's list and the API docs' "Callbacks" lines. Event names are free
// text: each reaches its context through that context's escaper (quote, propertyKey, docLines,
// codeSpan, tableCell, headingAnchor).
import { collectRefs } from '../ir/typeExpr.ts';
import { objectLiteralKey, propertyKey, quote } from '../naming.ts';
import type { ClientIR, OperationIR, WebhookIR } from '../ir/types.ts';
import { codeSpan, docLines, headingAnchor, markdown, tableCell } from './text.ts';
import { docType, printType } from './typeText.ts';

export interface WebhooksView {
  /** Models the payload types name (src/webhooks.ts imports them). */
  modelImports: string[];
  events: WebhookEventView[];
  /** The handler the overview example registers: the first event's. */
  firstEvent: WebhookEventView;
}

export interface WebhookEventView {
  /** The event name as a TypeScript string literal, as an interface key and as an object literal key. */
  nameLiteral: string;
  nameKey: string;
  nameObjectKey: string;
  payloadTypeName: string;
  handlerTypeName: string;
  /** The HTTP method, upper case. */
  method: string;
  /** The payload's type expression. */
  payloadType: string;
  decodeLiteral: string;
  docLines: string[];
  /** docs/Webhooks.md heading (a code span) and its anchor. */
  heading: string;
  anchor: string;
  /** One line of Markdown: webhook or callback (of which operation, to which URL), the method. */
  origin: string;
  /** One Markdown table cell: the summary, else the description's first line. */
  summary: string;
  description: string;
  deprecated: boolean;
  payloadDocType: string;
  payloadMediaType: string;
  payloadDescription: string;
  headers: Array<{ name: string; docType: string; required: string; description: string }>;
  responses: Array<{ status: string; description: string }>;
}

export function webhooksView(ir: ClientIR): WebhooksView | undefined {
  const anchors = webhookAnchors(ir);
  const [first, ...rest] = ir.webhooks.map((hook) => eventView(hook, anchors.get(hook)!, ir));
  if (!first) return undefined;
  const refs = new Set<string>();
  for (const hook of ir.webhooks) collectRefs(hook.payload.type, refs);
  return { modelImports: [...refs].sort(), events: [first, ...rest], firstEvent: first };
}

function eventView(hook: WebhookIR, anchor: string, ir: ClientIR): WebhookEventView {
  const heading = codeSpan(hook.name);
  return {
    nameLiteral: quote(hook.name),
    nameKey: propertyKey(hook.name),
    nameObjectKey: objectLiteralKey(hook.name),
    payloadTypeName: hook.payloadTypeName,
    handlerTypeName: hook.handlerTypeName,
    method: hook.method.toUpperCase(),
    payloadType: payloadTypeText(hook.payload),
    decodeLiteral: quote(hook.payload.decode),
    docLines: docLines([hook.summary, hook.description].filter(Boolean).join('\n\n'), [
      `Sent as ${hook.method.toUpperCase()} by the API (${hook.source} ${hook.name}).`,
      ...(hook.deprecated ? ['@deprecated'] : []),
    ]),
    heading,
    anchor,
    origin: originMarkdown(hook, ir),
    summary: tableCell(hook.summary ?? hook.description?.split('\n')[0]),
    description: markdown(hook.description ?? hook.summary),
    deprecated: hook.deprecated,
    payloadDocType: hook.payload.decode === 'none' ? 'none (no body)' : hook.payload.decode === 'json' ? docType(hook.payload.type) : `**${payloadTypeText(hook.payload)}**`,
    payloadMediaType: tableCell(hook.payload.mediaType ?? ''),
    payloadDescription: tableCell(hook.payload.description),
    headers: hook.headers.map((h) => ({ name: codeSpan(h.name), docType: docType(h.type), required: h.required ? 'yes' : 'no', description: tableCell(h.description) })),
    responses: hook.responses.map((r) => ({ status: tableCell(r.status), description: tableCell(r.description) })),
  };
}

/** Bytes arrive as a Uint8Array (parseWebhook copies them); the rest as the spec types them. */
function payloadTypeText(payload: WebhookIR['payload']): string {
  return payload.decode === 'binary' ? 'Uint8Array' : printType(payload.type);
}

/** Each event's section anchor in docs/Webhooks.md (its heading is the name in a code span); a repeated one gets `-1`, `-2`… as GitHub numbers them. */
function webhookAnchors(ir: ClientIR): Map<WebhookIR, string> {
  const seen = new Map<string, number>();
  const anchors = new Map<WebhookIR, string>();
  for (const hook of ir.webhooks) {
    const base = headingAnchor(hook.name).toLowerCase();
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.set(hook, count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

function originMarkdown(hook: WebhookIR, ir: ClientIR): string {
  const method = `**${hook.method.toUpperCase()}**`;
  if (hook.source === 'webhook') return `Webhook, sent as ${method} to the URL you register with the API.`;
  const owner = operationById(ir, hook.operationId);
  const link = owner ? `[${owner.className}.${owner.methodName}](${owner.className}.md#${owner.methodName.toLowerCase()})` : codeSpan(hook.operationId ?? '');
  return `Callback of ${link}, sent as ${method} to ${codeSpan(hook.expression ?? '')}.`;
}

function operationById(ir: ClientIR, operationId: string | undefined): OperationIR | undefined {
  for (const api of ir.apis) for (const op of api.operations) if (op.operationId === operationId) return op;
  return undefined;
}

/** The API doc's "Callbacks" line of an operation: links to its callbacks in Webhooks.md ('' when it has none). */
export function callbacksMarkdown(op: OperationIR, ir: ClientIR): string {
  return callbackLinks(ir).get(op.operationId) ?? '';
}

const linksByClient = new WeakMap<ClientIR, Map<string, string>>();

/** operationId → its callbacks' links, computed once per client. */
function callbackLinks(ir: ClientIR): Map<string, string> {
  const known = linksByClient.get(ir);
  if (known) return known;
  const anchors = webhookAnchors(ir);
  const links = new Map<string, string>();
  for (const hook of ir.webhooks) {
    if (hook.source !== 'callback' || hook.operationId === undefined) continue;
    const link = `[${codeSpan(hook.name)}](Webhooks.md#${anchors.get(hook)!})`;
    const before = links.get(hook.operationId);
    links.set(hook.operationId, before === undefined ? link : `${before}, ${link}`);
  }
  linksByClient.set(ir, links);
  return links;
}
