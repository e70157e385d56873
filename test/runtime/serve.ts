// One test server per test for the runtime tests, closed after each test.
import { afterEach } from 'vitest';
import type { ConfigurationParameters } from '../../templates/static/src/Configuration.js';
import { startServer, type Handler, type TestServer } from '../support/http.js';
import { TestApi } from './api.js';

type ApiClass<A> = new (params: ConfigurationParameters) => A;

/** Starts a server with the handler and returns it with an API pointed at it. */
export type Serve<A> = (handler: Handler, params?: ConfigurationParameters) => Promise<{ server: TestServer; api: A }>;

/**
 * Registers an afterEach that closes the server of the latest `serve` call
 * (a test that starts more than one closes the others itself) and returns
 * `serve`. The API is built from `{ basePath, ...defaults, ...params }`.
 */
export function useServer(defaults?: ConfigurationParameters): Serve<TestApi>;
export function useServer<A>(defaults: ConfigurationParameters, Api: ApiClass<A>): Serve<A>;
export function useServer(defaults: ConfigurationParameters = {}, Api: ApiClass<unknown> = TestApi): Serve<unknown> {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (handler, params = {}) => {
    server = await startServer(handler);
    return { server, api: new Api({ basePath: server.baseUrl, ...defaults, ...params }) };
  };
}
