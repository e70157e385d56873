// Issue 12 item 6, runtime side: an operation's error union (ApiErrorOf) narrows `body` by
// `status`. The type assertions are checked by `npm run typecheck` (tsc over test/), the
// runtime ones by vitest against a server.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ApiError, NotFoundError, type ApiErrorOf, type ErrorStatus, type StatusRange } from '../../templates/static/src/ApiError.js';
import { sendJson } from '../support/http.js';
import { getJson } from './api.js';
import { useServer } from './serve.js';

interface NotFound {
  resource: string;
}
interface ServerProblem {
  retryable: boolean;
}
interface Problem {
  title: string;
}
interface Teapot {
  short: true;
}

type GetThingError = ApiErrorOf<{ 404: NotFound; 418: Teapot; '5XX': ServerProblem; default: Problem }>;
type NoDefaultError = ApiErrorOf<{ 404: NotFound; '5XX': ServerProblem }>;

describe('ApiErrorOf types', () => {
  it('narrows the body by an explicit status, a range and default', () => {
    const e = {} as GetThingError;
    if (e.status === 404) expectTypeOf(e.body).toEqualTypeOf<NotFound>();
    if (e.status === 418) expectTypeOf(e.body).toEqualTypeOf<Teapot>();
    if (e.status === 503) expectTypeOf(e.body).toEqualTypeOf<ServerProblem>();
    if (e.status === 400) expectTypeOf(e.body).toEqualTypeOf<Problem>();
    if (e.status === 302) expectTypeOf(e.body).toEqualTypeOf<Problem>();
    // No answer at all (connection, time limit, abort, missing credential).
    if (e.status === undefined) expectTypeOf(e.body).toEqualTypeOf<unknown>();
  });

  it('gives statuses the spec leaves out an unknown body, and keeps explicit codes out of ranges', () => {
    const e = {} as NoDefaultError;
    if (e.status === 404) expectTypeOf(e.body).toEqualTypeOf<NotFound>();
    if (e.status === 500) expectTypeOf(e.body).toEqualTypeOf<ServerProblem>();
    if (e.status === 401) expectTypeOf(e.body).toEqualTypeOf<unknown>();
    // A range with an explicit code inside: the code wins.
    const f = {} as ApiErrorOf<{ 404: NotFound; '4XX': Problem }>;
    if (f.status === 404) expectTypeOf(f.body).toEqualTypeOf<NotFound>();
    if (f.status === 422) expectTypeOf(f.body).toEqualTypeOf<Problem>();
  });

  it('spells ranges as number literals and keeps every ApiError assignable to the plain one', () => {
    expectTypeOf<404>().toMatchTypeOf<StatusRange<4>>();
    expectTypeOf<500>().not.toMatchTypeOf<StatusRange<4>>();
    expectTypeOf<200>().not.toMatchTypeOf<ErrorStatus>();
    expectTypeOf<GetThingError>().toMatchTypeOf<ApiError>();
    expectTypeOf<NotFoundError<404, NotFound>>().toMatchTypeOf<ApiError<404, NotFound>>();
    // The OpenAI fields stay on every member.
    expectTypeOf<GetThingError['requestId']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error 404's body is no Problem.
    const wrong: ApiError<404, Problem> = {} as Extract<GetThingError, { status: 404 }>;
    void wrong;
  });
});

const serve = useServer({ maxRetries: 0 });

describe('typed error bodies at run time', () => {
  it.each([
    { status: 404, body: { resource: 'thing' }, field: 'resource', value: 'thing' },
    { status: 503, body: { retryable: true }, field: 'retryable', value: true },
    { status: 400, body: { title: 'bad' }, field: 'title', value: 'bad' },
  ])('a $status carries its parsed body, readable after narrowing', async ({ status, body, field, value }) => {
    const { api } = await serve((_req, res) => sendJson(res, status, body));
    const error = (await api.call(getJson).catch((e: unknown) => e)) as GetThingError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(status);
    let read: unknown;
    if (error.status === 404) read = error.body.resource;
    else if (error.status === 503) read = error.body.retryable;
    else if (error.status === 400) read = error.body.title;
    expect(read).toEqual(value);
    expect((error.body as Record<string, unknown>)[field]).toEqual(value);
  });

  it('keeps the OpenAI error fields working on a typed error', async () => {
    const { api } = await serve((_req, res) => sendJson(res, 404, { error: { message: 'No such thing', type: 'invalid_request_error', code: 'not_found' } }, { 'x-request-id': 'req_9' }));
    const error = (await api.call(getJson).catch((e: unknown) => e)) as GetThingError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, message: '404 No such thing', code: 'not_found', type: 'invalid_request_error', requestId: 'req_9' });
  });
});

// The stand-in runtime/server.ts holds the default (errorShape `common`) message fields.
describe('the message of an error body, from the common shapes', () => {
  it.each([
    ['an error object', { error: { message: 'No such pet', code: 'missing' } }, '404 No such pet'],
    ['a bare message', { message: 'No such pet', code: 'missing' }, '404 No such pet'],
    ['an RFC 9457 problem: its detail', { type: 'https://errors.example/missing', title: 'Not Found', detail: 'Pet 7 does not exist' }, '404 Pet 7 does not exist'],
    ['an RFC 9457 problem without detail: its title', { type: 'about:blank', title: 'Not Found' }, '404 Not Found'],
    ['an error string', { error: 'not_found' }, '404 not_found'],
    ['a message before the error string (Spring)', { error: 'Not Found', message: 'No pet 7', status: 404 }, '404 No pet 7'],
    ['no known field: the JSON', { reason: 'gone' }, '404 {"reason":"gone"}'],
    ['an empty message: the next field', { message: '', detail: 'Pet 7 does not exist' }, '404 Pet 7 does not exist'],
  ])('%s', (_name, body, message) => {
    expect(ApiError.fromResponse(404, body).message).toBe(message);
  });

  it("reads `error`, `code` and `type` from the body's error object, else from the body", () => {
    const problem = ApiError.fromResponse(404, { type: 'https://errors.example/missing', title: 'Not Found', detail: 'gone', code: 'E404' });
    expect(problem.error).toEqual({ type: 'https://errors.example/missing', title: 'Not Found', detail: 'gone', code: 'E404' });
    expect([problem.type, problem.code]).toEqual(['https://errors.example/missing', 'E404']);
    const wrapped = ApiError.fromResponse(400, { error: { message: 'bad', type: 'invalid_request_error', code: null, param: 'model' } });
    expect([wrapped.type, wrapped.code, wrapped.param]).toEqual(['invalid_request_error', null, 'model']);
    expect(ApiError.fromResponse(500, ['not', 'an', 'object']).error).toBeUndefined();
  });
});
