// Requests the API sends rather than answers: the root `webhooks` (3.1 and later) and each
// operation's `callbacks` (3.0 and later), read into one form. A webhook is known by its key
// in `webhooks`; a callback by its name in the operation's `callbacks` (the URL expression under
// it is where the API sends it, which the receiver chose). Event names are free text: they stay
// data here and are escaped where they are printed.
import { pointerOf } from '../pointer.ts';
import { operationsOf } from './openapi32.ts';
import { deref, isOpenApi31OrLater, operationParameters, readRequestBody, readResponses, type NormalizedOperation, type NormalizedParameter } from './normalize.ts';
import { textField, type SchemaContext } from './normalizeSchema.ts';
import { isPlainObject } from './schema.ts';

type Segments = Array<string | number>;

export interface NormalizedWebhook {
  /** The event's name: the `webhooks` key, or `<operationId>.<callback name>`; renamed when another event has it. */
  name: string;
  source: 'webhook' | 'callback';
  /** Callbacks: the operation whose request registers it. */
  owner?: NormalizedOperation;
  /** Callbacks: the runtime expression of the URL the API calls (`{$request.body#/callbackUrl}`). */
  expression?: string;
  method: string;
  /** Where its operation is written. */
  pointer: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** The parameters it is sent with (headers above all). */
  parameters: NormalizedParameter[];
  /** The payload the API sends. */
  requestBody?: NormalizedOperation['requestBody'];
  /** What the receiver may answer. */
  responses: NormalizedOperation['responses'];
  /** The prefix of the names its lifted inline schemas get (`<event>_webhook` → `<event>_webhook_request`). */
  modelBase: string;
}

/** Every webhook, in spec order, then every callback in operation order. */
export function readWebhooks(doc: Record<string, unknown>, operations: readonly NormalizedOperation[], ctx: SchemaContext): NormalizedWebhook[] {
  const names = new EventNames(ctx);
  const found: NormalizedWebhook[] = [];
  for (const hook of rootWebhooks(doc, ctx)) found.push(...readPathItem(hook, names, ctx));
  for (const op of operations) for (const hook of callbacksOf(op, ctx)) found.push(...readPathItem(hook, names, ctx));
  return found;
}

/** A path item that describes one or more events, before its operations are read. */
interface HookItem {
  name: string;
  source: NormalizedWebhook['source'];
  owner?: NormalizedOperation;
  expression?: string;
  item: unknown;
  segments: Segments;
  modelBase: string;
}

function rootWebhooks(doc: Record<string, unknown>, ctx: SchemaContext): HookItem[] {
  const raw = doc.webhooks;
  if (raw === undefined) return [];
  if (!isOpenApi31OrLater(doc)) {
    ctx.diagnostics.warning('/webhooks', 'webhooks is an OpenAPI 3.1 field; a 3.0 document cannot declare them, so they are left out', 'FEATURE_UNSUPPORTED');
    return [];
  }
  if (!isPlainObject(raw)) {
    ctx.diagnostics.error('/webhooks', 'webhooks must be an object of path items by event name', 'WRONG_TYPE');
    return [];
  }
  return Object.entries(raw).map(([name, item]) => ({ name, source: 'webhook', item, segments: ['webhooks', name], modelBase: `${name}_webhook` }));
}

function callbacksOf(op: NormalizedOperation, ctx: SchemaContext): HookItem[] {
  if (op.callbacks === undefined) return [];
  const { value, segments: at } = op.callbacks;
  if (!isPlainObject(value)) {
    ctx.diagnostics.error(pointerOf(at), 'callbacks must be an object of callbacks by name', 'WRONG_TYPE');
    return [];
  }
  const found: HookItem[] = [];
  for (const [name, raw] of Object.entries(value)) {
    const { value: callback, segments } = deref(raw, [...at, name], ctx);
    if (!isPlainObject(callback)) {
      ctx.diagnostics.error(pointerOf(segments), 'a callback must be an object of path items by URL expression', 'WRONG_TYPE');
      continue;
    }
    for (const [expression, item] of Object.entries(callback)) {
      if (expression.startsWith('x-')) continue;
      // Two operations may each have an `onEvent`: the operation qualifies the name.
      found.push({ name: `${op.operationId}.${name}`, source: 'callback', owner: op, expression, item, segments: [...segments, expression], modelBase: `${op.operationId}_${name}_callback` });
    }
  }
  return found;
}

/** The operations of one webhook's or callback's path item, each an event. */
function readPathItem(hook: HookItem, names: EventNames, ctx: SchemaContext): NormalizedWebhook[] {
  const { value: item, segments: itemAt } = deref(hook.item, hook.segments, ctx);
  if (!isPlainObject(item)) {
    ctx.diagnostics.error(pointerOf(hook.segments), 'a path item must be an object', 'WRONG_TYPE');
    return [];
  }
  const shared = Array.isArray(item.parameters) ? item.parameters : [];
  const operations = operationsOf(item, itemAt, ctx);
  return operations.flatMap(({ method, op, segments }) => {
    const at = pointerOf(segments);
    if (!isPlainObject(op)) {
      ctx.diagnostics.error(at, 'an operation must be an object', 'WRONG_TYPE');
      return [];
    }
    // One method keeps the plain names; several get the method in their model names.
    const modelBase = operations.length === 1 ? hook.modelBase : `${hook.modelBase}_${method}`;
    return [
      {
        name: names.claim(hook.name, at),
        source: hook.source,
        ...(hook.owner ? { owner: hook.owner, expression: hook.expression! } : {}),
        method,
        pointer: at,
        summary: textField(op, 'summary', at, ctx.diagnostics),
        description: textField(op, 'description', at, ctx.diagnostics),
        deprecated: op.deprecated === true,
        parameters: [...operationParameters(op, segments, shared, ctx).values()],
        requestBody: readRequestBody(op.requestBody, [...segments, 'requestBody'], ctx),
        responses: readResponses(op.responses, [...segments, 'responses'], ctx),
        modelBase,
      },
    ];
  });
}

/** Event names are keys of one map type: a name met again (two methods or URL expressions of one callback, a webhook named like a callback) gets `_2`, `_3`… with a warning. */
class EventNames {
  private readonly taken = new Set<string>();

  constructor(private readonly ctx: SchemaContext) {}

  claim(wanted: string, at: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}_${n}`;
    if (name !== wanted) this.ctx.diagnostics.warning(at, `event name ${JSON.stringify(wanted)} is already taken by another webhook or callback; named ${JSON.stringify(name)}`, 'WEBHOOK_RENAMED');
    this.taken.add(name);
    return name;
  }
}
