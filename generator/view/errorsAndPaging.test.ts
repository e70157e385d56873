// The text of typed errors and paging patterns: spec text (field and parameter names,
// descriptions) stays inside string literals and table cells.
import { describe, expect, it } from 'vitest';
import { T } from '../ir/typeExpr.ts';
import { errorsView, paginationView } from './errorsAndPaging.ts';

describe('paginationView', () => {
  it("prints the call of the runtime's paging factory: one name as a string, a nested field as a list", () => {
    const view = paginationView({ kind: 'cursor', param: 'after', itemsField: ['data'], nextField: ['meta', 'next'], hasMoreField: ['has_more'], itemCursorField: ['id'], itemType: T.string }, 'listAll');
    expect(view.factory).toBe('cursorPaging');
    expect(view.literal).toBe("cursorPaging({ param: 'after', itemsField: 'data', nextField: ['meta', 'next'], hasMoreField: 'has_more', itemCursorField: 'id' })");
  });

  it('keeps hostile names inside quotes', () => {
    const view = paginationView({ kind: 'page', param: "p'); process.exit(1); ('", firstPage: 0, itemsField: ['*/ `x` \\'], itemType: T.string }, 'listAll');
    expect(view.literal).toBe("pagePaging({ param: 'p\\'); process.exit(1); (\\'', firstPage: 0, itemsField: '*/ \\u0060x\\u0060 \\\\' })");
  });
});

describe('errorsView', () => {
  it('quotes range keys, leaves codes and default bare, escapes descriptions for a table cell', () => {
    const view = errorsView({ typeName: 'GetPetError', responses: [{ status: '404', type: T.string }, { status: '5XX', type: T.unknown, description: 'a | b\nc' }, { status: 'default', type: T.number }] }, 'getPet');
    expect(view.responsesLiteral).toBe("{ 404: string; '5XX': unknown; default: number }");
    expect(view.rows[1]!.description).not.toMatch(/[\n]|[^\\]\|/);
  });
});
