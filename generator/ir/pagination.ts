// Which paging pattern a list operation follows, read from its `x-pagination` extension or
// recognised from its parameters and success response: a cursor parameter fed from a
// next-cursor field (or the last item's id), the `Link: rel=next` header, a next-page URL
// field, a page number, an offset. No recognisable pattern: no `…All` iterator.
import type { MediaContent, NormalizedOperation, NormalizedSpec } from '../normalize/normalize.ts';
import { refName, type Schema } from '../normalize/schema.ts';
import type { TypeMapper } from './typeExpr.ts';
import type { FieldPathIR, PaginationIR, ParameterIR, PagingFieldsIR } from './types.ts';

export interface PagingContext {
  spec: NormalizedSpec;
  mapper: TypeMapper;
}

/** Query parameters that take a cursor, and body fields that give the next one. */
const CURSOR_PARAMS = ['after', 'cursor', 'starting_after', 'page_token', 'pageToken', 'next_token', 'nextToken', 'continuation_token', 'continuationToken', 'marker'];
const NEXT_CURSOR_FIELDS = ['next_cursor', 'nextCursor', 'next_page_token', 'nextPageToken', 'next_token', 'nextToken', 'continuation_token', 'continuationToken', 'last_id', 'cursor', 'next_marker', 'nextMarker'];
/** Objects a page nests its paging fields in. */
const PAGING_HOLDERS = ['meta', 'pagination', 'paging', 'page_info', 'pageInfo', 'response_metadata', 'links', '_links'];
const HAS_MORE_FIELDS = ['has_more', 'hasMore', 'has_next', 'hasNext', 'more'];
const NEXT_URL_FIELDS = ['next', 'next_url', 'nextUrl', 'next_page_url', 'nextPageUrl'];
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber'];
const OFFSET_PARAMS = ['offset', 'skip'];
/** Where a page keeps its items, most usual first; else its only list property. */
const ITEM_FIELDS = ['data', 'items', 'results', 'records', 'entries', 'values', 'list', 'content'];

const KINDS = ['cursor', 'page', 'offset', 'link', 'nextUrl'] as const;

export function paginationOf(op: NormalizedOperation, json: MediaContent | undefined, headers: string[], parameters: ParameterIR[], ctx: PagingContext): PaginationIR | undefined {
  const page = json && resolveSchema(json.schema, ctx.spec);
  if (op.xPagination !== undefined) return fromExtension(op.xPagination, page, ctx);
  if (op.method !== 'get' || page === undefined) return undefined;
  const found = itemsOf(page, ctx.spec);
  if (found === undefined) return undefined;
  const fields: PagingFieldsIR = { itemsField: found.field, hasMoreField: fieldAmong(page, HAS_MORE_FIELDS, ctx.spec), itemType: ctx.mapper.typeOf(found.items) };
  const query = (names: string[]) => names.map((name) => parameters.find((p) => p.in === 'query' && p.name === name && !p.required)).find((p) => p !== undefined);

  const cursor = query(CURSOR_PARAMS);
  if (cursor) {
    const nextField = fieldAmong(page, NEXT_CURSOR_FIELDS, ctx.spec);
    // The last item's id stands in for a missing next cursor only where `has_more` says when to
    // stop: otherwise a null next cursor, the usual last-page signal, would not end the walk.
    const hasId = resolveSchema(found.items, ctx.spec)?.properties?.['id'] !== undefined;
    const itemCursorField = hasId && fields.hasMoreField ? ['id'] : undefined;
    if (nextField || itemCursorField) return { kind: 'cursor', param: cursor.name, nextField, itemCursorField, ...fields };
  }
  if (headers.includes('link')) return { kind: 'link', ...fields };
  const nextUrl = fieldAmong(page, NEXT_URL_FIELDS, ctx.spec, (s) => s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string')));
  if (nextUrl) return { kind: 'nextUrl', nextField: nextUrl, ...fields };
  const pageParam = query(PAGE_PARAMS);
  if (pageParam && isInteger(pageParam)) return { kind: 'page', param: pageParam.name, firstPage: firstPageOf(pageParam), ...fields };
  const offset = query(OFFSET_PARAMS);
  if (offset && isInteger(offset)) return { kind: 'offset', param: offset.name, ...fields };
  return undefined;
}

/**
 * `x-pagination: { kind: cursor, param: after, itemsField: data, nextField: meta.next_cursor }`:
 * fields are dotted paths or lists of names. A wrong extension warns and gives no iterator.
 */
function fromExtension(ext: { value: unknown; pointer: string }, page: Schema | undefined, ctx: PagingContext): PaginationIR | undefined {
  const warn = (message: string) => {
    ctx.spec.diagnostics.warning(ext.pointer, `${message}; no …All iterator`, 'PAGINATION_INVALID');
    return undefined;
  };
  const raw = ext.value;
  if (raw === false) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return warn('x-pagination must be an object');
  const value = raw as Record<string, unknown>;
  const kind = value['kind'];
  if (!KINDS.includes(kind as (typeof KINDS)[number])) return warn(`x-pagination kind must be one of ${KINDS.join(', ')}`);
  const path = (key: string): FieldPathIR | undefined | null => {
    const field = value[key];
    if (field === undefined) return undefined;
    if (typeof field === 'string' && field !== '') return field.split('.');
    if (Array.isArray(field) && field.length > 0 && field.every((name) => typeof name === 'string')) return field as string[];
    return null;
  };
  const paths = { itemsField: path('itemsField'), hasMoreField: path('hasMoreField'), nextField: path('nextField'), itemCursorField: path('itemCursorField') };
  const wrong = Object.entries(paths).find(([, p]) => p === null);
  if (wrong) return warn(`x-pagination ${wrong[0]} must be a field name, a dotted path or a list of names`);
  const param = value['param'];
  if ((kind === 'cursor' || kind === 'page' || kind === 'offset') && (typeof param !== 'string' || param === '')) return warn(`x-pagination of kind ${String(kind)} needs param, the query parameter's name`);
  if (kind === 'nextUrl' && !paths.nextField) return warn('x-pagination of kind nextUrl needs nextField');
  const items = page && (paths.itemsField ? schemaAt(page, paths.itemsField, ctx.spec) : page);
  const itemSchema = items && resolveSchema(items, ctx.spec)?.items;
  const fields: PagingFieldsIR = {
    itemsField: paths.itemsField ?? undefined,
    hasMoreField: paths.hasMoreField ?? undefined,
    itemType: itemSchema ? ctx.mapper.typeOf(itemSchema) : { kind: 'primitive', name: 'unknown' },
  };
  switch (kind) {
    case 'cursor':
      return { kind, param: param as string, nextField: paths.nextField ?? undefined, itemCursorField: paths.itemCursorField ?? undefined, ...fields };
    case 'page':
      return { kind, param: param as string, firstPage: typeof value['firstPage'] === 'number' ? value['firstPage'] : undefined, ...fields };
    case 'offset':
      return { kind, param: param as string, ...fields };
    case 'link':
      return { kind, ...fields };
    default:
      return { kind: 'nextUrl', nextField: paths.nextField!, ...fields };
  }
}

/** The page's list of items: the body itself, or a list property (a usual name first, else the only one). */
function itemsOf(page: Schema, spec: NormalizedSpec): { field: FieldPathIR | undefined; items: Schema } | undefined {
  if (page.type === 'array' && page.items) return { field: undefined, items: page.items };
  const lists = Object.entries(page.properties ?? {}).flatMap(([name, schema]) => {
    const items = resolveSchema(schema, spec)?.items;
    return resolveSchema(schema, spec)?.type === 'array' && items ? [{ name, items }] : [];
  });
  const chosen = ITEM_FIELDS.map((name) => lists.find((l) => l.name === name)).find((l) => l !== undefined) ?? (lists.length === 1 ? lists[0] : undefined);
  return chosen && { field: [chosen.name], items: chosen.items };
}

/** The first of `names` the page has, at its top or inside a paging object (`meta.next_cursor`). */
function fieldAmong(page: Schema, names: string[], spec: NormalizedSpec, accepts: (s: Schema) => boolean = () => true): FieldPathIR | undefined {
  const own = (schema: Schema, prefix: string[]) => {
    for (const name of names) {
      const field = schema.properties?.[name];
      const target = field && resolveSchema(field, spec);
      if (target && accepts(target)) return [...prefix, name];
    }
    return undefined;
  };
  const top = own(page, []);
  if (top) return top;
  for (const holder of PAGING_HOLDERS) {
    const inner = page.properties?.[holder] && resolveSchema(page.properties[holder]!, spec);
    const found = inner && own(inner, [holder]);
    if (found) return found;
  }
  return undefined;
}

function schemaAt(schema: Schema, path: FieldPathIR, spec: NormalizedSpec): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const name of path) current = current && resolveSchema(current, spec)?.properties?.[name];
  return current;
}

/** resolveSchema's answers for references, per spec (the IR reads a spec whose models no longer change). */
const resolvedModels = new WeakMap<NormalizedSpec, Map<string, Schema | undefined>>();

/** A schema through `$ref`s and a single-member `allOf` (how generators wrap references); its own properties merged with allOf members'. */
export function resolveSchema(schema: Schema, spec: NormalizedSpec, depth = 0): Schema | undefined {
  if (depth > 8) return undefined;
  const key = schema.$ref === undefined ? undefined : refName(schema.$ref);
  if (key !== undefined) {
    // Memoized by model (and depth, which bounds the walk): merging a model's allOf chain copies
    // all its properties, and on Microsoft Graph most operations page or return the same entities.
    let resolved = resolvedModels.get(spec);
    if (resolved === undefined) resolvedModels.set(spec, (resolved = new Map()));
    const memoKey = `${depth} ${key}`;
    if (resolved.has(memoKey)) return resolved.get(memoKey);
    const target = spec.schemas.get(key);
    const answer = target && resolveSchema(target, spec, depth + 1);
    resolved.set(memoKey, answer);
    return answer;
  }
  if (!schema.allOf) return schema;
  const properties: Record<string, Schema> = {};
  for (const member of schema.allOf) Object.assign(properties, resolveSchema(member, spec, depth + 1)?.properties ?? {});
  return { ...schema, properties: { ...properties, ...(schema.properties ?? {}) } };
}

function isInteger(p: ParameterIR): boolean {
  return p.type.kind === 'primitive' && p.type.name === 'number';
}

function firstPageOf(p: ParameterIR): number | undefined {
  return typeof p.default === 'number' && p.default !== 1 ? p.default : undefined;
}
