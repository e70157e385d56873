// Nothing of OpenAI in another API's package (issue 11 point 2): module name, error object,
// README examples and runtime names come from the spec, and OpenAI's own client keeps its
// conventions because its spec asks for them (x-codegen-options moduleName, errorShape).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClient, DEFAULT_SPEC } from '../generator/pipeline.ts';
import { TOOL } from '../generator/write/outputFolder.ts';
import { ApiError as OpenAIClientError } from '../generated/src/index.js';
import { REPO } from './helpers.ts';

const NON_OPENAI_SPECS = [join(REPO, 'node_modules/@readme/oas-examples/3.1/json/petstore.json'), join(REPO, 'test/fixtures/wire/params-media.yaml')];

/** Every `openai` of a file, but the generator's own name (which the VERSION file and file headers carry). */
function openaiMentions(files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [path, text] of files) {
    if (/openai/i.test(path)) found.push(path);
    for (const [index, line] of text.replaceAll(TOOL.name, '').split('\n').entries()) {
      if (/openai/i.test(line)) found.push(`${path}:${index + 1}: ${line.trim()}`);
    }
  }
  return found;
}

describe.each(NON_OPENAI_SPECS)('the client of %s', (spec) => {
  const { files } = buildClient(spec);

  it('names OpenAI nowhere', () => {
    expect(files.size).toBeGreaterThan(20);
    expect(openaiMentions(files)).toEqual([]);
  });

  it('takes its module name from the package name and reads error messages from the common shapes', () => {
    const heading = [...files].find(([path]) => path.startsWith('docs/'))![1].split('\n')[0];
    expect(heading).toMatch(/^# [A-Z][A-Za-z0-9]*Client\.[A-Za-z0-9]+$/);
    expect(files.get('src/runtime/server.ts')).toContain("export const ERROR_MESSAGE_FIELDS: readonly FieldPath[] = [['error', 'message'], 'message', 'detail', 'error', 'title'];");
    expect(files.has('src/deprecatedNames.ts')).toBe(false);
    expect(files.get('README.md')).toContain('`detail` (an RFC 9457');
  });
});

describe("OpenAI's own client", () => {
  const { files } = buildClient(DEFAULT_SPEC);

  it('keeps its module name, its error shape and the names earlier versions exported', () => {
    expect(files.get('docs/ChatApi.md')!.split('\n')[0]).toBe('# OpenApiOpenAIClient.ChatApi');
    expect(files.get('src/runtime/server.ts')).toContain("export const ERROR_MESSAGE_FIELDS: readonly FieldPath[] = [['error', 'message'], 'message'];");
    expect(files.get('src/index.ts')).toContain("export type { OpenAIErrorObject } from './deprecatedNames.js';\n");
    expect(files.get('README.md')).toContain("requestId` and OpenAI's\n`error.message`, `type` and `code`.");
    expect(files.get('README.md')).toContain("defaultHeaders: { 'OpenAI-Organization': 'org_123' },");
  });

  it("reads messages from OpenAI's error object only", () => {
    expect(OpenAIClientError.fromResponse(400, { error: { message: 'Bad model', type: 'invalid_request_error' } }).message).toBe('400 Bad model');
    expect(OpenAIClientError.fromResponse(400, { detail: 'not OpenAI' }).message).toBe('400 {"detail":"not OpenAI"}');
  });
});
