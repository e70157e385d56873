// Walking the pages of a list operation. The generator describes each operation's pattern
// with one factory per kind (cursorPaging({ param: 'after', … })), so a bundle carries only the
// patterns its API classes use; walkPages asks for one page at a time and stops on
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
  param: string;
  nextField?: FieldPath | undefined;
  itemCursorField?: FieldPath | undefined;
}

/** `?page=N`, counting up from the caller's page, else from `firstPage` (default 1). */
export interface PagePagination extends PaginationFields {
  param: string;
  firstPage?: number | undefined;
}

/** `?offset=N`, advanced by the number of items each page returned. */
export interface OffsetPagination extends PaginationFields {
  param: string;
}

/** A URL field of the body, e.g. `next` or `links.next`. */
export interface NextUrlPagination extends PaginationFields {
  nextField: FieldPath;
}

/** Names the request of the page after `page` (whose items are `items`); undefined at the end. */
export type NextPage = (page: FetchedPage, items: readonly unknown[]) => PageRequest | undefined;

/** A paging pattern, made by cursorPaging, pagePaging, offsetPaging, linkPaging or nextUrlPaging. */
export interface Paging extends PaginationFields {
  /** Starts one walk: its own NextPage, holding the walk's position. */
  start(context: WalkContext): NextPage;
  /**
   * Numbered pages (page, offset) also stop on a page identical to the one before: nothing
   * else tells a server that ignores the parameter from a real next page.
   */
  numbered?: boolean | undefined;
}

/** `?after=<cursor>`: the cursor read from `nextField`, else from `itemCursorField` of the page's last item. */
export function cursorPaging(pattern: CursorPagination): Paging {
  return {
    ...pattern,
    start: () => (page, items) => {
      const cursor = cursorOf(pattern, page.body, items);
      return cursor === undefined ? undefined : { query: { [pattern.param]: cursor } };
    },
  };
}

/** `?page=N`, counting up from the caller's page, else from `firstPage` (default 1). */
export function pagePaging(pattern: PagePagination): Paging {
  return {
    ...pattern,
    numbered: true,
    start: (context) => {
      let page = startingNumber(context.initial(pattern.param), pattern.firstPage ?? 1);
      return () => ({ query: { [pattern.param]: ++page } });
    },
  };
}

/** `?offset=N`, advanced by the number of items each page returned. */
export function offsetPaging(pattern: OffsetPagination): Paging {
  return {
    ...pattern,
    numbered: true,
    start: (context) => {
      let offset = startingNumber(context.initial(pattern.param), 0);
      return (_page, items) => ({ query: { [pattern.param]: (offset += items.length) } });
    },
  };
}

/** The `Link: <url>; rel="next"` response header (RFC 8288), within the configured origin. */
export function linkPaging(pattern: PaginationFields): Paging {
  return { ...pattern, start: (context) => (page) => sameOriginUrl(nextLink(page.headers['link']), page.url, context.baseUrl) };
}

/** A URL field of the body, e.g. `next` or `links.next`, within the configured origin. */
export function nextUrlPaging(pattern: NextUrlPagination): Paging {
  return {
    ...pattern,
    start: (context) => (page) => {
      const url = readField(page.body, pattern.nextField);
      return sameOriginUrl(typeof url === 'string' ? url : undefined, page.url, context.baseUrl);
    },
  };
}

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
  paging: Paging,
  context: WalkContext,
  fetchPage: (request: PageRequest) => Promise<FetchedPage>,
): AsyncIterableIterator<T> {
  const followed = new Set<string>();
  const nextAfter = paging.start(context);
  let request: PageRequest = {};
  let previousItems: string | undefined;
  for (;;) {
    const page = await fetchPage(request);
    const items = itemsOf(page.body, paging.itemsField);
    if (items.length === 0) return;
    if (paging.numbered) {
      const fingerprint = JSON.stringify(items);
      if (fingerprint === previousItems) return;
      previousItems = fingerprint;
    }
    yield* items as T[];
    if (paging.hasMoreField !== undefined && readField(page.body, paging.hasMoreField) !== true) return;
    if (page.url !== '') followed.add(page.url);
    const next = nextAfter(page, items);
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

/** The caller's page number or offset when it is one, else the pattern's first. */
function startingNumber(given: unknown, first: number): number {
  const number = Number(given ?? Number.NaN);
  return Number.isFinite(number) ? number : first;
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
