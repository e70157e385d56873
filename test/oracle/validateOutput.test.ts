// Reading openapi-generator's validate report, without running Java.
import { describe, expect, it } from 'vitest';
import { parseValidateOutput, pointerFromMessage, tokenizeLocation, tokensToPointer } from '../../generator/oracle/validateOutput.ts';

const REPORT_STDERR = [
  'Errors:',
  "\t- attribute paths.'/chat/completions'(post).responses is missing",
  "\t- paths.'/models/{model}'. Declared path parameter model needs to be defined as a path",
  '\t  parameter in path or operation level',
  '\t- attribute .components.schemas.Beta.x-oai-beta is reserved by The OpenAPI',
  '\t  Initiative (#/components/schemas/Beta)',
  'Warnings: ',
  '\t- Unused model: Foo',
  "\t- The 'type' attribute must be one of 'null', 'boolean', 'object', 'array', 'number',",
  "\t  'string', or 'integer'.",
  '',
  '[error] Spec has 3 errors.',
].join('\n');

describe('parseValidateOutput', () => {
  it('reads errors and warnings, joins wrapped lines and guesses pointers', () => {
    const diags = parseValidateOutput({ stdout: 'Validating spec (s.yaml)\n', stderr: REPORT_STDERR, code: 1 }, { file: 's.yaml' });
    expect(diags).toEqual([
      {
        severity: 'error',
        file: 's.yaml',
        message: "attribute paths.'/chat/completions'(post).responses is missing",
        pointer: '/paths/~1chat~1completions/post/responses',
      },
      {
        severity: 'error',
        file: 's.yaml',
        message: "paths.'/models/{model}'. Declared path parameter model needs to be defined as a path parameter in path or operation level",
        pointer: '/paths/~1models~1{model}',
      },
      {
        severity: 'error',
        file: 's.yaml',
        message: 'attribute .components.schemas.Beta.x-oai-beta is reserved by The OpenAPI Initiative (#/components/schemas/Beta)',
        pointer: '/components/schemas/Beta/x-oai-beta',
      },
      { severity: 'warning', file: 's.yaml', message: 'Unused model: Foo', pointer: '/components/schemas/Foo' },
      {
        severity: 'warning',
        file: 's.yaml',
        message: "The 'type' attribute must be one of 'null', 'boolean', 'object', 'array', 'number', 'string', or 'integer'.",
      },
    ]);
  });

  it('gives nothing for a clean spec', () => {
    const out = { stdout: 'Validating spec (ok.yaml)\nNo validation issues detected.\n', stderr: '', code: 0 };
    expect(parseValidateOutput(out, { file: 'ok.yaml' })).toEqual([]);
  });

  it('turns a YAML parser failure into one error with the line of the problem', () => {
    const stderr = [
      '[main] WARN  io.swagger.v3.parser.OpenAPIV3Parser - Exception while parsing:',
      'com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException: while parsing a flow sequence',
      " in 'reader', line 2, column 7:",
      '    info: [',
      '          ^',
      "expected ',' or ']', but got :",
      " in 'reader', line 4, column 6:",
      '    paths: {}',
      '         ^',
      '',
      ' at [Source: (StringReader); line: 4, column: 7]',
      '\tat com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException.from(MarkedYAMLException.java:28)',
      'Exception in thread "main" java.lang.NullPointerException: Cannot invoke "java.util.Collection.size()" because "c" is null',
    ].join('\n');
    const [d, ...rest] = parseValidateOutput({ stdout: 'Validating spec (b.yaml)\n', stderr, code: 1 }, { file: 'b.yaml' });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', file: 'b.yaml', pointer: '', line: 4, column: 6 });
    expect(d!.message).toBe(
      "Spec is not valid YAML/JSON: while parsing a flow sequence (line 2, column 7) expected ',' or ']', but got : (line 4, column 6)",
    );
  });

  it('reports an unreadable spec without a parser position as one error', () => {
    const stderr = '[main] ERROR i.s.parser.SwaggerCompatConverter - failed to read resource listing\nException in thread "main" java.lang.NullPointerException';
    const diags = parseValidateOutput({ stdout: '', stderr, code: 1 }, { file: 'x.yaml' });
    expect(diags).toEqual([
      { severity: 'error', file: 'x.yaml', message: 'openapi-generator could not read the spec: failed to read resource listing' },
    ]);
  });
});

describe('location → JSON pointer', () => {
  it('tokenizes quoted paths, methods, media types and parameter names', () => {
    expect(tokenizeLocation("paths.'/a/{b}'(get).parameters.[limit].in")).toEqual([
      { kind: 'key', value: 'paths' },
      { kind: 'quoted', value: '/a/{b}' },
      { kind: 'method', value: 'get' },
      { kind: 'key', value: 'parameters' },
      { kind: 'param', value: 'limit' },
      { kind: 'key', value: 'in' },
    ]);
    expect(tokensToPointer(tokenizeLocation("paths.'/x'(post).requestBody.content.'application/json'.schema"))).toBe(
      '/paths/~1x/post/requestBody/content/application~1json/schema',
    );
  });

  it('uses the document for parameter indexes and keys that contain dots', () => {
    const doc = {
      paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/After' }, { name: 'limit', in: 'query' }] } } },
      components: { parameters: { After: { name: 'after', in: 'query' } }, schemas: { 'audit.api_key.created': { type: 'object' } } },
    };
    const ptr = (loc: string): string => tokensToPointer(tokenizeLocation(loc), doc);
    expect(ptr("paths.'/a'(get).parameters.[limit].in")).toBe('/paths/~1a/get/parameters/1/in');
    expect(ptr("paths.'/a'(get).parameters.[after]")).toBe('/paths/~1a/get/parameters/0');
    expect(ptr('components.schemas.audit.api_key.created.required')).toBe('/components/schemas/audit.api_key.created/required');
    // Without the document a [name] ends the pointer at its array.
    expect(tokensToPointer(tokenizeLocation("paths.'/a'(get).parameters.[limit].in"))).toBe('/paths/~1a/get/parameters');
  });

  it('prefers the location in the message when it lies inside the pointer the message carries', () => {
    expect(pointerFromMessage('attribute components.schemas.A.x-oai-y is reserved (#/components/schemas/A)')).toBe('/components/schemas/A/x-oai-y');
    expect(pointerFromMessage('attribute components.schemas.B.x is reserved (#/components/schemas/A)')).toBe('/components/schemas/A');
    expect(pointerFromMessage('Something odd (#/paths/~1a)')).toBe('/paths/~1a');
  });

  it('leaves messages that name no place without a pointer', () => {
    expect(pointerFromMessage('Some generic complaint. Another sentence')).toBeUndefined();
    expect(pointerFromMessage('attribute info.title is missing')).toBe('/info/title');
  });
});
