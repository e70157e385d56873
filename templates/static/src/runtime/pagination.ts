// Walking the pages of a list operation. Each pattern is plain data the generator emits
// beside the operation (a Pagination); walkPages asks for one page at a time and stops on
// an empty page, a repeated cursor or page URL, or a page identical to the one before it,
// so a server that ignores the paging parameter or cycles cannot make it loop forever.
// Next-page URLs (Link header, `next` field) are followed only within the origin the
// request was configured for: credentials must not travel to a host the server names.
import { ApiError } from '../ApiError.js';
import type { ParamSpec } from './params.js';
import type { RequestSpec } from './types.js';

/** A field of the response body: a top-level name, or the names leading to a nested one. */
export type FieldPath = string | readonly string[];

export interface PaginationFields {
  /** Where the page's items are; the body itself when absent. */
  itemsField?: FieldPath | undefined;
  /** A boolean field; the walk stops when it is false or missing. */
  hasMoreField?: FieldPath | undefined;
}

/** `?after=<cursor>`, the cursor read from `nextField`, else from `itemCursorField` of the page's last item. */
export interface CursorPagination extends PaginationFields {
  kind: 'cursor';
  param: string;
  nextField?: FieldPath | undefined;
  itemCursorField?: FieldPath | undefined;
}

/** `?page=N`, counting up from the caller's page, else from `firstPage` (default 1). */
export interface PagePagination extends PaginationFields {
  kind: 'page';
  param: string;
  firstPage?: number | undefined;
}

/** `?offset=N`, advanced by the number of items each page returned. */
export interface OffsetPagination extends PaginationFields {
  kind: 'offset';
  param: string;
}

/** The `Link: <url>; rel="next"` response header (RFC 8288). */
export interface LinkPagination extends PaginationFields {
  kind: 'link';
}

/** A URL field of the body, e.g. `next` or `links.next`. */
export interface NextUrlPagination extends PaginationFields {
  kind: 'nextUrl';
  nextField: FieldPath;
}

export type Pagination = CursorPagination | PagePagination | OffsetPagination | LinkPagination | NextUrlPagination;

/** Lists paged by an `after` cursor: `after` = `last_id` (else the last item's `id`) while `has_more`. */
export const HAS_MORE_CURSOR: CursorPagination = {
  kind: 'cursor',
  param: 'after',
  itemsField: 'data',
  nextField: 'last_id',
  hasMoreField: 'has_more',
  itemCursorField: 'id',
};

/** Which page to fetch: the first as called (`{}`), then a new query value, or a URL to GET. */
export type PageRequest = { query?: undefined; url?: undefined } | { query: Record<string, string | number>; url?: undefined } | { url: string; query?: undefined };

export interface FetchedPage {
  body: unknown;
  headers: Readonly<Record<string, string>>;
  /** The URL the page came from ('' when unknown); relative next links resolve against it. */
  url: string;
}

export interface WalkContext {
  /** The base URL the request is configured for; next-page URLs must keep its origin. */
  baseUrl: string;
  /** The caller's value of a query parameter in the first request (the starting page or offset). */
  initial: (param: string) => unknown;
}

/** Yields every item of every page, fetching lazily: stopping early fetches no more pages. */
export async function* walkPages<T>(
  pagination: Pagination,
  context: WalkContext,
  fetchPage: (request: PageRequest) => Promise<FetchedPage>,
): AsyncIterableIterator<T> {
  const followed = new Set<string>();
  let request: PageRequest = {};
  let position = startPosition(pagination, context);
  let previousItems: string | undefined;
  for (;;) {
    const page = await fetchPage(request);
    const items = itemsOf(page.body, pagination.itemsField);
    if (items.length === 0) return;
    if (pagination.kind === 'page' || pagination.kind === 'offset') {
      // Nothing else tells a server that ignores the parameter from a real next page.
      const fingerprint = JSON.stringify(items);
      if (fingerprint === previousItems) return;
      previousItems = fingerprint;
    }
    yield* items as T[];
    if (pagination.hasMoreField !== undefined && readField(page.body, pagination.hasMoreField) !== true) return;
    if (page.url !== '') followed.add(page.url);
    let next: PageRequest | undefined;
    switch (pagination.kind) {
      case 'cursor': {
        const cursor = cursorOf(pagination, page.body, items);
        next = cursor === undefined ? undefined : { query: { [pagination.param]: cursor } };
        break;
      }
      case 'page':
        position += 1;
        next = { query: { [pagination.param]: position } };
        break;
      case 'offset':
        position += items.length;
        next = { query: { [pagination.param]: position } };
        break;
      case 'link':
        next = sameOriginUrl(nextLink(page.headers['link']), page.url, context.baseUrl);
        break;
      case 'nextUrl': {
        const url = readField(page.body, pagination.nextField);
        next = sameOriginUrl(typeof url === 'string' ? url : undefined, page.url, context.baseUrl);
        break;
      }
    }
    if (next === undefined) return;
    const key = next.url ?? JSON.stringify(next.query);
    if (followed.has(key)) return;
    followed.add(key);
    request = next;
  }
}

/** The request of one page: `spec` with the page's query value set (replacing the caller's), or unchanged for a URL. */
export function specForPage(spec: RequestSpec, request: PageRequest): RequestSpec {
  if (request.query === undefined) return spec;
  let params: ParamSpec[] = [...(spec.params ?? [])];
  let query = spec.query;
  for (const [name, value] of Object.entries(request.query)) {
    if (params.some((param) => param.in === 'query' && param.name === name)) {
      params = params.map((param) => (param.in === 'query' && param.name === name ? { ...param, value } : param));
    } else if (query !== undefined && Object.prototype.hasOwnProperty.call(query, name)) {
      query = { ...query, [name]: value };
    } else {
      params.push({ name, in: 'query', value });
    }
  }
  return { ...spec, query, params };
}

/** The caller's value of query parameter `name` in `spec` (params first, then the query record). */
export function queryValueOf(spec: RequestSpec, name: string): unknown {
  const param = spec.params?.find((candidate) => candidate.in === 'query' && candidate.name === name);
  if (param !== undefined) return param.value;
  return spec.query !== undefined && Object.prototype.hasOwnProperty.call(spec.query, name) ? spec.query[name] : undefined;
}

/** The URL of the `rel="next"` link of a Link header, if any. */
export function nextLink(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  for (const match of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i.exec(match[2] ?? '');
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (relations.includes('next')) return match[1];
  }
  return undefined;
}

function startPosition(pagination: Pagination, context: WalkContext): number {
  if (pagination.kind !== 'page' && pagination.kind !== 'offset') return 0;
  const given = Number(context.initial(pagination.param) ?? Number.NaN);
  if (Number.isFinite(given)) return given;
  return pagination.kind === 'page' ? pagination.firstPage ?? 1 : 0;
}

function cursorOf(pagination: CursorPagination, body: unknown, items: readonly unknown[]): string | undefined {
  const fromBody = pagination.nextField === undefined ? undefined : readField(body, pagination.nextField);
  const cursor = fromBody ?? (pagination.itemCursorField === undefined ? undefined : readField(items[items.length - 1], pagination.itemCursorField));
  return typeof cursor === 'string' && cursor !== '' ? cursor : typeof cursor === 'number' ? String(cursor) : undefined;
}

/** A next-page URL resolved against the page's own URL, or undefined when there is none; another origin is refused. */
function sameOriginUrl(link: string | undefined, pageUrl: string, baseUrl: string): PageRequest | undefined {
  if (link === undefined || link === '') return undefined;
  const origin = new URL(baseUrl).origin;
  let target: URL;
  try {
    target = new URL(link, pageUrl === '' ? baseUrl : pageUrl);
  } catch {
    throw new ApiError('The next-page link is not a valid URL');
  }
  if (target.origin !== origin) {
    throw new ApiError(`Refusing to follow the next-page link to another origin (${target.origin}): credentials stay with ${origin}`);
  }
  return { url: target.href };
}

function itemsOf(body: unknown, field: FieldPath | undefined): readonly unknown[] {
  const items = field === undefined ? body : readField(body, field);
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) throw new TypeError(`The page's ${field === undefined ? 'body' : `"${pathText(field)}" field`} is not a list`);
  return items;
}

/** The value at `path` in `value`, following own properties only; undefined when any step is missing. */
export function readField(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const name of typeof path === 'string' ? [path] : path) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, name)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

function pathText(path: FieldPath): string {
  return typeof path === 'string' ? path : path.join('.');
}
