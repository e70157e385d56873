// A concrete BaseApi like the generated ones, exposing the protected helpers
// and recording the retry delays instead of waiting for them.
import { expect } from 'vitest';
import { AbortError, ApiError } from '../../templates/static/src/ApiError.js';
import { BaseApi } from '../../templates/static/src/runtime/BaseApi.js';
import { SECURITY_SCHEMES } from '../../templates/static/src/runtime/server.js';
import type { ApiResponse, RequestOptions, RequestSpec } from '../../templates/static/src/runtime/types.js';
import type { Stream } from '../../templates/static/src/runtime/Stream.js';
import type { ConfigurationParameters } from '../../templates/static/src/Configuration.js';

export class TestApi extends BaseApi {
  readonly sleeps: number[] = [];
  /** When true, really wait (for tests that measure time). */
  realSleep = false;

  constructor(params: ConfigurationParameters) {
    super(params);
  }

  call<T = unknown>(spec: RequestSpec, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>(spec, options);
  }

  stream<T = unknown>(spec: RequestSpec, options?: RequestOptions): Promise<Stream<T>> {
    return this.requestStream<T>(spec, options);
  }

  protected override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return this.realSleep ? super.sleep(ms, signal) : Promise.resolve();
  }
}

export const getJson: RequestSpec = { method: 'GET', path: '/things', responseType: 'json' };

/** An operation's `security` as the generator writes it for OpenAI's bearer key. */
export const BEARER: RequestSpec['security'] = [{ ApiKeyAuth: SECURITY_SCHEMES.ApiKeyAuth }];

/** The caller's abort arrives as the client's AbortError, with the signal's reason as `cause`. */
export async function expectAbortError(promise: Promise<unknown>, reason: unknown): Promise<AbortError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AbortError);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as AbortError).name).toBe('AbortError');
  expect((error as AbortError).cause).toBe(reason);
  return error as AbortError;
}
