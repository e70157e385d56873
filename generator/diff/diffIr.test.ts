// One test per classification rule: a small spec, one edit, the change we want.
import { describe, expect, it } from 'vitest';
import { diffClients, type ApiChange, type DiffOptions } from './diffIr.ts';
import { irOfSpecText } from './loadIr.ts';

type Spec = Record<string, any>;

/** A tiny API: `createThing` sends a ThingRequest and returns a Thing; `getThing` reads one by id. */
function baseSpec(): Spec {
  return {
    openapi: '3.0.0',
    info: { title: 'Things', version: '1' },
    security: [{ ApiKeyAuth: [] }],
    paths: {
      '/things': {
        post: {
          operationId: 'createThing',
          tags: ['Things'],
          summary: 'Create a thing.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingRequest' } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
        },
      },
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          tags: ['Things'],
          summary: 'Get a thing.',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
          ],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
        },
      },
    },
    components: {
      securitySchemes: { ApiKeyAuth: { type: 'http', scheme: 'bearer' }, OtherAuth: { type: 'apiKey', in: 'header', name: 'X-Key' } },
      schemas: {
        ThingRequest: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', description: 'The name.' },
            color: { $ref: '#/components/schemas/Color' },
            size: { type: 'string', enum: ['small', 'large'] },
            note: { type: 'string', nullable: true },
          },
        },
        Thing: {
          type: 'object',
          required: ['id', 'status', 'kind'],
          properties: {
            id: { type: 'string' },
            status: { $ref: '#/components/schemas/Status' },
            kind: { type: 'string' },
            label: { type: 'string' },
            part: { $ref: '#/components/schemas/Part' },
          },
        },
        Part: { oneOf: [{ $ref: '#/components/schemas/Wheel' }, { $ref: '#/components/schemas/Door' }] },
        Wheel: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['wheel'] } } },
        Door: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['door'] } } },
        Color: { type: 'string', enum: ['red', 'blue'] },
        Status: { type: 'string', enum: ['active', 'done'] },
      },
    },
  };
}

function changesAfter(edit: (spec: Spec) => void, options: DiffOptions = {}, spec: () => Spec = baseSpec): ApiChange[] {
  const before = spec();
  const after = spec();
  edit(after);
  const base = irOfSpecText(JSON.stringify(before), 'base.json');
  const head = irOfSpecText(JSON.stringify(after), 'head.json');
  return diffClients(base, head, options).changes;
}

/** The changes as `kind path: message` lines, the form the tables below state them in. */
function lines(edit: (spec: Spec) => void, options?: DiffOptions, spec?: () => Spec): string[] {
  return changesAfter(edit, options, spec).map((c) => `${c.kind} ${c.path}: ${c.message}`);
}

const schemas = (spec: Spec) => spec.components.schemas;
const getThing = (spec: Spec) => spec.paths['/things/{id}'].get;

describe('classification rules', () => {
  it('the same spec gives no changes', () => {
    expect(lines(() => {})).toEqual([]);
  });

  const cases: Array<[string, (spec: Spec) => void, string[]]> = [
    // breaking
    ['operation removed', (s) => delete s.paths['/things/{id}'], ['breaking ThingsApi.getThing: operation GET /things/{id} removed']],
    ['model removed (and the property using it)', (s) => { delete schemas(s).Color; delete schemas(s).ThingRequest.properties.color; }, ['breaking Color: model Color removed', 'breaking ThingRequest.color: property color removed']],
    ['property removed', (s) => delete schemas(s).Thing.properties.label, ['breaking Thing.label: property label removed']],
    ['parameter removed', (s) => getThing(s).parameters.pop(), ['breaking ThingsApi.getThing(limit): query parameter limit removed']],
    ['enum value removed', (s) => schemas(s).Status.enum.pop(), ["breaking Status: enum lost 'done' in a response type"]],
    ['union member removed', (s) => schemas(s).Part.oneOf.pop(), ['breaking Part: type lost Door in a response type']],
    ['parameter became required', (s) => (getThing(s).parameters[1].required = true), ['breaking ThingsApi.getThing(limit): query parameter limit became required']],
    ['required parameter added', (s) => getThing(s).parameters.push({ name: 'v', in: 'header', required: true, schema: { type: 'string' } }), ['breaking ThingsApi.getThing(v): required header parameter v added']],
    ['input property became required', (s) => schemas(s).ThingRequest.required.push('size'), ['breaking ThingRequest.size: property size became required in a request type']],
    ['required input property added', (s) => { schemas(s).ThingRequest.properties.weight = { type: 'number' }; schemas(s).ThingRequest.required.push('weight'); }, ['breaking ThingRequest.weight: required property weight added to a request type']],
    ['input enum value removed', (s) => schemas(s).ThingRequest.properties.size.enum.pop(), ["breaking ThingRequest.size: property size narrowed in a request type: no longer accepts 'large'"]],
    ['input string became an enum', (s) => (schemas(s).ThingRequest.properties.name.enum = ['a', 'b']), ["breaking ThingRequest.name: property name narrowed in a request type: no longer accepts string; now accepts 'a', 'b'"]],
    ['nullable removed from an input', (s) => delete schemas(s).ThingRequest.properties.note.nullable, ['breaking ThingRequest.note: property note narrowed in a request type: no longer accepts null']],
    ['output property became optional', (s) => schemas(s).Thing.required.pop(), ['breaking Thing.kind: property kind became optional in a response type']],
    ['output property became nullable', (s) => (schemas(s).Thing.properties.kind.nullable = true), ['breaking Thing.kind: property kind may now be null in a response type']],
    ['path changed', (s) => { s.paths['/things/{id}/v2'] = s.paths['/things/{id}']; delete s.paths['/things/{id}']; }, ['breaking ThingsApi.getThing: endpoint moved from GET /things/{id} to GET /things/{id}/v2']],
    ['method changed', (s) => { s.paths['/things/{id}'].put = getThing(s); delete s.paths['/things/{id}'].get; }, ['breaking ThingsApi.getThing: endpoint moved from GET /things/{id} to PUT /things/{id}']],
    ['request media type changed', (s) => { const c = s.paths['/things'].post.requestBody.content; c['multipart/form-data'] = c['application/json']; delete c['application/json']; }, ['breaking ThingsApi.createThing: request media type changed from application/json to multipart/form-data']],
    ['security requirement added', (s) => (getThing(s).security = [{ ApiKeyAuth: [], OtherAuth: [] }]), ['breaking ThingsApi.getThing: now requires authorization OtherAuth']],
    // feature
    ['operation added', (s) => (s.paths['/things/{id}'].delete = { operationId: 'deleteThing', tags: ['Things'], responses: { '204': { description: 'gone' } } }), ['feature ThingsApi.deleteThing: operation DELETE /things/{id} added']],
    ['model added', (s) => { schemas(s).Shape = { type: 'string', enum: ['round'] }; schemas(s).Thing.properties.shape = { $ref: '#/components/schemas/Shape' }; }, ['feature Shape: model Shape added', 'feature Thing.shape: optional property shape added']],
    ['optional input property added', (s) => (schemas(s).ThingRequest.properties.weight = { type: 'number' }), ['feature ThingRequest.weight: optional property weight added']],
    ['output property added, even required', (s) => { schemas(s).Thing.properties.created = { type: 'integer' }; schemas(s).Thing.required.push('created'); }, ['feature Thing.created: required property created added']],
    ['optional parameter added', (s) => getThing(s).parameters.push({ name: 'after', in: 'query', schema: { type: 'string' } }), ['feature ThingsApi.getThing(after): optional query parameter after added']],
    ['input type widened (enum became string)', (s) => delete schemas(s).ThingRequest.properties.size.enum, ['feature ThingRequest.size: property size widened in a request type: now accepts string']],
    ['enum value added on an input', (s) => schemas(s).Color.enum.push('green'), ["feature Color: enum widened in a request type: now accepts 'green'"]],
    ['new enum value in an output (open unions, the default)', (s) => schemas(s).Status.enum.push('failed'), ["feature Status: enum may now be 'failed' in a response type"]],
    ['output string narrowed to an enum', (s) => (schemas(s).Thing.properties.kind.enum = ['x']), ["feature Thing.kind: property kind narrowed in a response type to 'x'"]],
    // docs
    ['description changed', (s) => (schemas(s).ThingRequest.properties.name.description = 'The new name.'), ['docs ThingRequest.name: property name description changed']],
    ['summary changed', (s) => (getThing(s).summary = 'Read a thing.'), ['docs ThingsApi.getThing: operation summary or description changed']],
    ['operation deprecated', (s) => (getThing(s).deprecated = true), ['docs ThingsApi.getThing: operation deprecated']],
    ['property deprecated', (s) => (schemas(s).Thing.properties.label.deprecated = true), ['docs Thing.label: property label deprecated']],
  ];
  it.each(cases)('%s', (_name, edit, want) => {
    expect(lines(edit)).toEqual(want);
  });

  it('a new output union member is breaking with closedUnions', () => {
    expect(lines((s) => schemas(s).Status.enum.push('failed'), { closedUnions: true })).toEqual(["breaking Status: enum may now be 'failed' in a response type"]);
    expect(lines((s) => { schemas(s).Bolt = { type: 'object', properties: { type: { type: 'string', enum: ['bolt'] } } }; schemas(s).Part.oneOf.push({ $ref: '#/components/schemas/Bolt' }); }, { closedUnions: true })).toContain('breaking Part: type may now be Bolt in a response type');
  });

  it('a model used on both sides gets the stricter verdict', () => {
    // Color now also comes back in responses: a new value is harmless to send but, with closed unions, breaks readers.
    const edit = (s: Spec) => {
      schemas(s).Thing.properties.color = { $ref: '#/components/schemas/Color' };
      schemas(s).Color.enum.push('green');
    };
    expect(lines(edit, { closedUnions: true })).toContain("breaking Color: enum may now be 'green' in a response type");
  });

  it('deprecations are marked, and each change carries JSON pointers in both specs', () => {
    const [dep] = changesAfter((s) => (getThing(s).deprecated = true));
    expect(dep).toMatchObject({ deprecation: true, base: '#/paths/~1things~1{id}/get', head: '#/paths/~1things~1{id}/get' });
    const [removed] = changesAfter((s) => delete schemas(s).Thing.properties.label);
    expect(removed).toMatchObject({ base: '#/components/schemas/Thing/properties/label', head: null, before: 'label?: string' });
    const [added] = changesAfter((s) => (schemas(s).ThingRequest.properties.weight = { type: 'number' }));
    expect(added).toMatchObject({ base: null, head: '#/components/schemas/ThingRequest/properties/weight', direction: 'input' });
  });

  it('parameter changes point at the parameter: its entry in the operation or path item list, a $ref where it is used', () => {
    const at = '#/paths/~1things~1{id}';
    const [required] = changesAfter((s) => (getThing(s).parameters[1].required = true));
    expect(required).toMatchObject({ path: 'ThingsApi.getThing(limit)', base: `${at}/get/parameters/1`, head: `${at}/get/parameters/1` });
    const [added] = changesAfter((s) => getThing(s).parameters.push({ name: 'after', in: 'query', schema: { type: 'string' } }));
    expect(added).toMatchObject({ base: null, head: `${at}/get/parameters/2` });
    const [removed] = changesAfter((s) => getThing(s).parameters.pop());
    expect(removed).toMatchObject({ base: `${at}/get/parameters/1`, head: null });
    // Moved to the path item's shared list, and declared once in components: the pointers follow it.
    const [shared] = changesAfter((s) => {
      s.components.parameters = { Limit: { ...getThing(s).parameters.pop(), description: 'At most this many.' } };
      s.paths['/things/{id}'].parameters = [{ $ref: '#/components/parameters/Limit' }];
    });
    expect(shared).toMatchObject({ message: 'query parameter limit description changed', base: `${at}/get/parameters/1`, head: `${at}/parameters/0` });
    const [body] = changesAfter((s) => (s.paths['/things'].post.requestBody.required = false));
    expect(body).toMatchObject({ path: 'ThingsApi.createThing(body)', base: '#/paths/~1things/post/requestBody', head: '#/paths/~1things/post/requestBody' });
  });

  it('the bump follows the worst change', () => {
    const bump = (edit: (s: Spec) => void) => diffClients(irOfSpecText(JSON.stringify(baseSpec()), 'a.json'), irOfSpecText(JSON.stringify((() => { const s = baseSpec(); edit(s); return s; })()), 'b.json')).bump;
    expect(bump(() => {})).toBe('none');
    expect(bump((s) => (getThing(s).summary = 'x'))).toBe('patch');
    expect(bump((s) => (schemas(s).ThingRequest.properties.weight = { type: 'number' }))).toBe('minor');
    expect(bump((s) => delete s.paths['/things/{id}'])).toBe('major');
  });
});

describe('which operation is which', () => {
  it('an operation with two tags is a method of each class, compared class by class', () => {
    const twoTags = (s: Spec) => (getThing(s).tags = ['Things', 'Admin']);
    const given = (edit: (s: Spec) => void) => {
      const base = baseSpec();
      twoTags(base);
      const head = baseSpec();
      twoTags(head);
      edit(head);
      return diffClients(irOfSpecText(JSON.stringify(base), 'base.json'), irOfSpecText(JSON.stringify(head), 'head.json')).changes.map((c) => `${c.kind} ${c.path}: ${c.message}`);
    };
    const cases: Array<[string, (s: Spec) => void, string[]]> = [
      ['a parameter became required: both classes', (s) => (getThing(s).parameters[1].required = true), ['breaking AdminApi.getThing(limit): query parameter limit became required', 'breaking ThingsApi.getThing(limit): query parameter limit became required']],
      ['one tag dropped: that class lost the method', (s) => (getThing(s).tags = ['Things']), ['breaking AdminApi.getThing: operation GET /things/{id} removed']],
      ['one tag added: that class gained it', (s) => (getThing(s).tags = ['Things', 'Admin', 'Audit']), ['feature AuditApi.getThing: operation GET /things/{id} added']],
    ];
    for (const [name, edit, want] of cases) expect(given(edit), name).toEqual(want);
  });

  it("a 3.2 additionalOperations method points at its own entry, not at paths/<path>/<method>", () => {
    const spec32 = (summary: string) =>
      JSON.stringify({
        openapi: '3.2.0',
        info: { title: 'Things', version: '1' },
        paths: {
          '/things/{id}': {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            additionalOperations: { COPY: { operationId: 'copyThing', tags: ['Things'], summary, requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '204': { description: 'copied' } } } },
            query: { operationId: 'findThings', tags: ['Things'], summary, responses: { '204': { description: 'found' } } },
          },
        },
      });
    const changes = diffClients(irOfSpecText(spec32('Copy.'), 'base.json'), irOfSpecText(spec32('Copy it.'), 'head.json')).changes;
    const at = '#/paths/~1things~1{id}';
    expect(changes.map((c) => [c.path, c.base, c.head])).toEqual([
      ['ThingsApi.copyThing', `${at}/additionalOperations/COPY`, `${at}/additionalOperations/COPY`],
      ['ThingsApi.findThings', `${at}/query`, `${at}/query`],
    ]);
    const bodyAt = diffClients(irOfSpecText(spec32('Copy.'), 'base.json'), irOfSpecText(spec32('Copy.').replace('"requestBody":{', '"requestBody":{"required":true,'), 'head.json')).changes;
    expect(bodyAt.map((c) => [c.path, c.head])).toEqual([['ThingsApi.copyThing(body)', `${at}/additionalOperations/COPY/requestBody`]]);
  });
});

/** A 3.1 API that sends one webhook (`thing_done`, signed) and one callback (`subscribe.onEvent`), both carrying a ThingEvent. */
function eventSpec(): Spec {
  const event = { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingEvent' } } } };
  return {
    openapi: '3.1.0',
    info: { title: 'Events', version: '1' },
    paths: {
      '/subscriptions': {
        post: {
          operationId: 'subscribe',
          tags: ['Subscriptions'],
          responses: { '201': { description: 'ok' } },
          callbacks: { onEvent: { '{$request.body#/url}': { post: { requestBody: event, responses: { '200': { description: 'ok' } } } } } },
        },
      },
    },
    webhooks: {
      thing_done: {
        post: {
          summary: 'A thing is done.',
          parameters: [{ name: 'X-Signature', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: event,
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: { schemas: { ThingEvent: { type: 'object', required: ['id', 'kind'], properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['a', 'b'] } } } } },
  };
}

describe('webhook and callback events', () => {
  const hook = (s: Spec) => s.webhooks.thing_done.post;
  const cases: Array<[string, (spec: Spec) => void, string[]]> = [
    ['the same spec', () => {}, []],
    ['a webhook removed', (s) => delete s.webhooks.thing_done, ['breaking Webhooks.thing_done: webhook event thing_done removed']],
    ['a callback removed', (s) => delete s.paths['/subscriptions'].post.callbacks, ['breaking Webhooks.subscribe.onEvent: callback event subscribe.onEvent removed']],
    ['a webhook added', (s) => (s.webhooks.thing_started = s.webhooks.thing_done), ['feature Webhooks.thing_started: webhook event thing_started added']],
    ['a payload that lost a field (an output)', (s) => s.components.schemas.ThingEvent.required.pop(), ['breaking ThingEvent.kind: property kind became optional in a response type']],
    ['a payload enum that grew (an output: open by default)', (s) => s.components.schemas.ThingEvent.properties.kind.enum.push('c'), ["feature ThingEvent.kind: property kind may now be 'c' in a response type"]],
    ['a payload type replaced', (s) => (hook(s).requestBody = { required: true, content: { 'application/json': { schema: { type: 'string' } } } }), ['breaking Webhooks.thing_done: payload lost ThingEvent in a response type; gained string']],
    ['a payload that became optional', (s) => (hook(s).requestBody = { ...hook(s).requestBody, required: false }), ['breaking Webhooks.thing_done: payload became optional: handlers may receive none']],
    ['a payload media type changed', (s) => (hook(s).requestBody = { required: true, content: { 'text/plain': { schema: { type: 'string' } } } }), ['breaking Webhooks.thing_done: payload lost ThingEvent in a response type; gained string', 'breaking Webhooks.thing_done: payload media type changed from application/json to text/plain']],
    ['a header no longer sent', (s) => (hook(s).parameters = []), ['breaking Webhooks.thing_done: header X-Signature is no longer sent']],
    ['a header that became optional', (s) => (hook(s).parameters[0].required = false), ['breaking Webhooks.thing_done: header X-Signature became optional: handlers may receive none']],
    ['a header added', (s) => hook(s).parameters.push({ name: 'X-Attempt', in: 'header', schema: { type: 'integer' } }), ['feature Webhooks.thing_done: optional header X-Attempt added']],
    ['a webhook deprecated', (s) => (hook(s).deprecated = true), ['docs Webhooks.thing_done: webhook event thing_done deprecated']],
    ['a summary changed', (s) => (hook(s).summary = 'Finished.'), ['docs Webhooks.thing_done: webhook event thing_done summary or description changed']],
  ];
  it.each(cases)('%s', (_name, edit, want) => {
    expect(lines(edit, {}, eventSpec)).toEqual(want);
  });
});
