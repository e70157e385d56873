// The error responses of an operation, typed from the spec: explicit 4xx and 5xx codes, the
// `4XX` and `5XX` ranges and `default` (unless `default` is the success answer). The view
// prints them as `ApiErrorOf<{ 404: NotFound; '5XX': ServerError; default: Problem }>`.
import { camelize, type NameRegistry } from '../naming.ts';
import type { NormalizedOperation } from '../normalize/normalize.ts';
import type { Schema } from '../normalize/schema.ts';
import { JSON_TYPE } from './buildApis.ts';
import { T } from './typeExpr.ts';
import type { ErrorResponsesIR, TsType } from './types.ts';

const ERROR_STATUS = /^[45](\d\d|XX)$/i;

/** Undefined when the operation declares no error response. */
export function errorResponsesOf(op: NormalizedOperation, methodName: string, successStatus: string | undefined, typeOf: (s: Schema) => TsType, typeNames: NameRegistry): ErrorResponsesIR | undefined {
  const declared = op.responses.filter((r) => ERROR_STATUS.test(r.status) || (r.status === 'default' && successStatus !== 'default'));
  if (declared.length === 0) return undefined;
  const responses = declared.map((r) => {
    const json = r.content.find((c) => JSON_TYPE.test(c.mediaType));
    // The runtime keeps a body that is not JSON as its text, and an empty one as undefined.
    const type = json ? typeOf(json.schema) : r.content.length > 0 ? T.string : T.unknown;
    return { status: r.status.toUpperCase().replace('DEFAULT', 'default'), type, description: r.description };
  });
  return { typeName: typeNames.claim(`${camelize(methodName)}Error`), responses };
}
