// Redirects are followed by hand (fetch's `redirect: 'manual'`) because fetch itself
// strips only Authorization on a cross-origin hop and would resend api-key headers,
// default headers and the body to whatever origin a hostile server names.
import { ApiError } from '../ApiError.js';
import { headersToRecord } from './headers.js';

export type FetchInit = RequestInit & { duplex?: 'half' };

export interface Hop {
  url: string;
  init: FetchInit;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers worth keeping for another origin: none that could identify or authorise the caller. */
const CROSS_ORIGIN_HEADERS = new Set(['accept']);

/**
 * Sends the request, following up to `maxRedirects` redirects; resolves to the first
 * answer that is not a redirect. Bodies of the redirect answers are discarded.
 */
export async function fetchFollowingRedirects(
  fetchFn: typeof fetch,
  first: Hop,
  options: { maxRedirects: number; oneShot: boolean; signal: AbortSignal },
): Promise<Response> {
  let hop = first;
  for (let redirects = 0; ; redirects++) {
    const response = await fetchFn(hop.url, { ...hop.init, redirect: 'manual', signal: options.signal });
    // Browsers hide a manual redirect's target (status 0); following it blind would defeat the point.
    if (response.type === 'opaqueredirect') throw redirectError('The server redirected, and this runtime does not reveal where to', response);
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    if (redirects >= options.maxRedirects) throw redirectError(`Too many redirects (maxRedirects is ${options.maxRedirects})`, response);
    hop = nextHop(hop, response, location, options.oneShot);
  }
}

/** Where and how to send the request after one redirect answer. */
export function nextHop(hop: Hop, response: Response, location: string, oneShot: boolean): Hop {
  let target: URL;
  try {
    target = new URL(location, hop.url);
  } catch {
    throw redirectError('Redirect to an invalid URL', response);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw redirectError(`Redirect to a ${target.protocol} URL refused`, response);
  const sameOrigin = target.origin === new URL(hop.url).origin;
  const method = (hop.init.method ?? 'GET').toUpperCase();
  // As fetch does: 303 turns any method but HEAD into GET, and 301/302 turn POST into GET.
  const toGet = (response.status === 303 && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST');
  const headers = { ...(hop.init.headers as Record<string, string>) };
  const init: FetchInit = { ...hop.init, headers };
  if (toGet) {
    init.method = 'GET';
    init.body = null;
    delete init.duplex;
    delete headers['content-type'];
  } else if (hop.init.body != null) {
    if (!sameOrigin) throw redirectError(`Refusing to send the request body to another origin (${target.origin})`, response);
    if (oneShot) throw redirectError('A streamed request body cannot be sent again after a redirect', response);
  }
  if (!sameOrigin) {
    // Every credential and configured default header stays with the origin it was meant for,
    // also on later hops, since each hop starts from the headers of the previous one.
    for (const name of Object.keys(headers)) if (!CROSS_ORIGIN_HEADERS.has(name)) delete headers[name];
  }
  return { url: target.href, init };
}

function redirectError(message: string, response: Response): ApiError {
  return new ApiError(message, { status: response.status, headers: headersToRecord(response.headers) });
}
