import { serializePathParam, type SerializedParams } from './params.js';

export type PathParams = Record<string, string | number | boolean>;

/**
 * Joins base + path template + query. Path parameters come from `serialized` (see params.ts)
 * first, then from `pathParams`; the query is `query` followed by `serialized.query`.
 * Throws TypeError for a missing or unsafe path parameter.
 */
export function buildUrl(
  basePath: string,
  template: string,
  pathParams: PathParams = {},
  query?: Record<string, unknown>,
  serialized?: Pick<SerializedParams, 'path' | 'query'>,
): string {
  const path = template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const expanded = serialized !== undefined && Object.prototype.hasOwnProperty.call(serialized.path, name) ? serialized.path[name] : undefined;
    if (expanded !== undefined) return expanded;
    const value: unknown = Object.prototype.hasOwnProperty.call(pathParams, name) ? pathParams[name] : undefined;
    if (value === undefined || value === null) throw new TypeError(`Missing path parameter "${name}"`);
    return encodePathParam(name, value as string | number | boolean);
  });
  const pairs = query ? [toSearchParams(query).toString()].filter((search) => search !== '') : [];
  if (serialized) pairs.push(...serialized.query);
  return `${basePath.replace(/\/+$/, '')}${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}

/** A `simple` path parameter, percent-encoded; TypeError when empty, "." or "..". */
export function encodePathParam(name: string, value: string | number | boolean): string {
  return serializePathParam({ name, in: 'path', value });
}

/**
 * form/explode for arrays (`k=a&k=b`), deepObject for objects (`k[a][b]=v`),
 * ISO strings for dates; undefined and null are dropped.
 */
export function toSearchParams(values: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) appendParam(params, key, value);
  return params;
}

function appendParam(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendParam(params, key, item);
  } else if (value instanceof Date) {
    params.append(key, value.toISOString());
  } else if (typeof value === 'object') {
    for (const [sub, item] of Object.entries(value)) appendParam(params, `${key}[${sub}]`, item);
  } else {
    params.append(key, String(value));
  }
}
