// The text of an operation's typed errors (`ApiErrorOf<{ 404: NotFound; … }>`) and of its
// `…All` iterator's paging pattern (a call of the runtime's factory for its kind).
import { quote } from '../naming.ts';
import type { ErrorResponsesIR, FieldPathIR, PaginationIR } from '../ir/types.ts';
import { tableCell } from './text.ts';
import type { ApiView } from './types.ts';
import { docType, printType } from './typeText.ts';

export interface ErrorsView {
  typeName: string;
  /** The method that throws them. */
  methodName: string;
  /** `{ 404: NotFound; '5XX': ServerError; default: Problem }` */
  responsesLiteral: string;
  /** For the docs: one row per declared error response. */
  rows: Array<{ status: string; docType: string; description: string }>;
}

export interface PaginationView {
  methodName: string;
  itemType: string;
  /** The runtime's paging factory for this kind (`cursorPaging`), imported by the API class. */
  factory: string;
  /** The factory's call with the operation's fields: `cursorPaging({ param: 'after', … })`. */
  literal: string;
  /** How the iterator finds the next page, one line for comments and docs. */
  summary: string;
}

export function errorsView(errors: ErrorResponsesIR, methodName: string): ErrorsView {
  const key = (status: string) => (/^\d+$/.test(status) || status === 'default' ? status : quote(status));
  return {
    typeName: errors.typeName,
    methodName,
    responsesLiteral: `{ ${errors.responses.map((r) => `${key(r.status)}: ${printType(r.type)}`).join('; ')} }`,
    rows: errors.responses.map((r) => ({ status: tableCell(r.status), docType: docType(r.type), description: tableCell(r.description) })),
  };
}

export function paginationView(pagination: PaginationIR, methodName: string): PaginationView {
  const entries: Array<[string, string | number | FieldPathIR | undefined]> = [
    ['param', 'param' in pagination ? pagination.param : undefined],
    ['firstPage', pagination.kind === 'page' ? pagination.firstPage : undefined],
    ['itemsField', pagination.itemsField],
    ['nextField', 'nextField' in pagination ? pagination.nextField : undefined],
    ['hasMoreField', pagination.hasMoreField],
    ['itemCursorField', pagination.kind === 'cursor' ? pagination.itemCursorField : undefined],
  ];
  const fields = entries.flatMap(([name, value]) => (value === undefined ? [] : [`${name}: ${valueText(value)}`]));
  const factory = `${pagination.kind}Paging`;
  const literal = `${factory}(${fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`})`;
  return { methodName, itemType: printType(pagination.itemType), factory, literal, summary: pagingSummary(pagination) };
}

function valueText(value: string | number | FieldPathIR): string {
  return typeof value === 'number' ? String(value) : fieldPathLiteral(value);
}

/** A runtime FieldPath: a field's name as a string, a nested field's names as a list. */
export function fieldPathLiteral(path: string | readonly string[]): string {
  if (typeof path === 'string') return quote(path);
  return path.length === 1 ? quote(path[0]!) : `[${path.map(quote).join(', ')}]`;
}

/** Plain words, no spec text: names are shown in code spans by the callers that need them. */
function pagingSummary(pagination: PaginationIR): string {
  switch (pagination.kind) {
    case 'cursor':
      return 'following the cursor each page gives';
    case 'page':
      return 'counting up the page number';
    case 'offset':
      return 'advancing the offset by the items each page returned';
    case 'link':
      return "following the `Link` header's next page";
    case 'nextUrl':
      return "following the body's next-page URL";
  }
}

/** The README's paging example: the first operation, in class order, that has an `…All` iterator. */
export interface PagingExampleView {
  className: string;
  methodName: string;
  summary: string;
  imports: string[];
  decls: string[];
  call: string;
}

export function pagingExampleOf(apis: ApiView[]): PagingExampleView | undefined {
  for (const api of apis) {
    const op = api.operations.find((o) => o.pagination !== undefined);
    if (op?.pagination) {
      return { className: api.className, methodName: op.pagination.methodName, summary: op.pagination.summary, imports: op.exampleImports, decls: op.exampleDecls, call: op.exampleCall };
    }
  }
  return undefined;
}
