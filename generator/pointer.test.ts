import { describe, expect, it } from 'vitest';
import { escapePointerSegment, parsePointer, pointerOf, resolvePointer } from './pointer.ts';
import { refName, refTo } from './normalize/schema.ts';

describe('JSON pointers', () => {
  it('escapes only ~ and /, and passes every other segment through as is', () => {
    expect(escapePointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapePointerSegment('~1')).toBe('~01');
    expect(escapePointerSegment('plain.name-1')).toBe('plain.name-1');
    expect(escapePointerSegment(3)).toBe('3');
    expect(pointerOf(['paths', '/pets/{id}', 'get', 'parameters', 0])).toBe('/paths/~1pets~1{id}/get/parameters/0');
    expect(pointerOf([])).toBe('');
  });

  it('parses what pointerOf builds back into the same segments, decoding %-escapes of URI fragments', () => {
    const segments = ['paths', '/a~b', '~1', '%', 'x y', ''];
    expect(parsePointer(pointerOf(segments))).toEqual(segments);
    expect(parsePointer('#/components/schemas/A%20B')).toEqual(['components', 'schemas', 'A B']);
    expect(parsePointer('#/a/%E2%82%AC~1')).toEqual(['a', '€/']);
    expect(parsePointer('#/100%/plain')).toEqual(['100%', 'plain']);
    expect(parsePointer('#')).toEqual([]);
  });

  it('follows a pointer through objects and arrays, and only through own keys', () => {
    const doc = { a: [{ 'b/c': 1 }], constructor: 2 };
    expect(resolvePointer(doc, '#/a/0/b~1c')).toBe(1);
    expect(resolvePointer(doc, '#/a/0/toString')).toBeUndefined();
    expect(resolvePointer(doc, '#/missing/x')).toBeUndefined();
  });

  it('reads a component name from its reference, decoded like any pointer segment', () => {
    expect(refName('#/components/schemas/Pet')).toBe('Pet');
    expect(refName(refTo('a/b~c'))).toBe('a/b~c');
    expect(refName('#/components/schemas/A%20B')).toBe('A B');
    expect(refName('#/components/schemas/Pet/properties/id')).toBeUndefined();
    expect(refName('#/components/responses/Pet')).toBeUndefined();
  });
});
