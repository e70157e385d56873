// Which media types the client reads and writes as one JSON value (JSON_TYPE): application/json
// and +json suffixes, parameters aside; never the sequences of JSON texts.
import { describe, expect, it } from 'vitest';
import { JSON_TYPE } from './buildApis.ts';

describe('JSON_TYPE', () => {
  const table: Array<[string, boolean]> = [
    ['application/json', true],
    ['APPLICATION/JSON', true],
    ['application/json; charset=utf-8', true],
    ['application/json ;charset=utf-8', true],
    ['application/problem+json', true],
    ['application/vnd.api+json', true],
    ['application/json-patch+json', true],
    ['application/merge-patch+json; charset=utf-8', true],
    ['*/*', true],
    ['application/json-seq', false],
    ['application/jsonl', false],
    ['application/jsonlines', false],
    ['application/x-ndjson', false],
    ['application/x-jsonlines', false],
    ['application/json5', false],
    ['application/jsonpath', false],
    ['text/json-ish', false],
    ['application/xml', false],
  ];
  for (const [mediaType, json] of table) {
    it(`${mediaType} is ${json ? '' : 'not '}JSON`, () => expect(JSON_TYPE.test(mediaType)).toBe(json));
  }
});
