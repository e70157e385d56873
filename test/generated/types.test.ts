// Compile-time behaviour of the generated types. A small consumer program is
// type-checked with tsc in a temp dir against generated/src:
//  1. as written it must have zero errors, so every `// @ts-expect-error` is used;
//  2. with the directives removed, tsc must report errors on exactly the marked
//     lines, each for the expected reason (so no line "passes" by failing for
//     an unrelated reason).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_DIR, TSC, makeTempDir, removeDir, run } from './helpers.js';

const ENTRY = JSON.stringify(join(GENERATED_DIR, 'src', 'index.js'));

/**
 * Each `// @ts-expect-error MARK:<name>` guards the next line. EXPECTED maps a
 * mark to a pattern the compiler's diagnostic for that line must match.
 */
const PROGRAM = `
import {
  AudioApi,
  ChatApi,
  Configuration,
  FilesApi,
  ReasoningEffort,
  ServiceTier,
  Stream,
  type ChatCompletionRequestMessage,
  type CreateChatCompletionRequest,
  type CreateChatCompletionResponse,
  type CreateChatCompletionStreamResponse,
  type CreateSpeechRequest,
  type ListChatCompletionsOpts,
  type OpenAIFile,
  type UpdateChatCompletionRequest,
} from ${ENTRY};

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function assertType<T extends true>(_value?: T): void {}

const chat = new ChatApi(new Configuration({ accessToken: async () => 'token' }));
const base = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] } satisfies CreateChatCompletionRequest;

export async function streamOverloads(): Promise<void> {
  const streamed = chat.createChatCompletion({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
  assertType<Equals<typeof streamed, Promise<Stream<CreateChatCompletionStreamResponse>>>>();

  const plain = chat.createChatCompletion({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
  assertType<Equals<typeof plain, Promise<CreateChatCompletionResponse>>>();

  const explicitFalse = chat.createChatCompletion({ ...base, stream: false });
  assertType<Equals<typeof explicitFalse, Promise<CreateChatCompletionResponse>>>();

  const explicitNull = chat.createChatCompletion({ ...base, stream: null });
  assertType<Equals<typeof explicitNull, Promise<CreateChatCompletionResponse>>>();

  const viaStreamMethod = chat.createChatCompletionStream(base);
  assertType<Equals<typeof viaStreamMethod, Promise<Stream<CreateChatCompletionStreamResponse>>>>();

  // A request whose stream flag is not known statically gets the union.
  const unknownFlag = (flag: boolean) => chat.createChatCompletion({ ...base, stream: flag });
  assertType<Equals<ReturnType<typeof unknownFlag>, Promise<CreateChatCompletionResponse | Stream<CreateChatCompletionStreamResponse>>>>();

  for await (const chunk of await streamed) {
    assertType<Equals<typeof chunk, CreateChatCompletionStreamResponse>>();
    const piece: string | null | undefined = chunk.choices[0]?.delta.content;
    void piece;
  }

  const info = await chat.createChatCompletionWithHttpInfo(base);
  assertType<Equals<typeof info.data, CreateChatCompletionResponse>>();
  assertType<Equals<typeof info.statusCode, number>>();
  assertType<Equals<typeof info.headers, Record<string, string>>>();

  // @ts-expect-error MARK:stream-is-not-plain
  const wrong: Promise<CreateChatCompletionResponse> = chat.createChatCompletion({ ...base, stream: true });
  // @ts-expect-error MARK:plain-is-not-stream
  const wrong2: Promise<Stream<CreateChatCompletionStreamResponse>> = chat.createChatCompletion(base);
  void wrong;
  void wrong2;
}

export function requestShapes(): void {
  // @ts-expect-error MARK:wrong-role
  void chat.createChatCompletion({ model: 'gpt-4o', messages: [{ role: 'robot', content: 'hi' }] });

  // @ts-expect-error MARK:missing-messages
  void chat.createChatCompletion({ model: 'gpt-4o' });

  // @ts-expect-error MARK:missing-model
  const noModel: CreateChatCompletionRequest = { messages: [{ role: 'user', content: 'hi' }] };
  void noModel;

  // @ts-expect-error MARK:wrong-message-role-var
  const badMessage: ChatCompletionRequestMessage = { role: 'robot', content: 'hi' };
  void badMessage;

  // @ts-expect-error MARK:tool-message-needs-id
  const toolWithoutId: ChatCompletionRequestMessage = { role: 'tool', content: 'result' };
  void toolWithoutId;

  // @ts-expect-error MARK:wrong-content-part
  const badPart: ChatCompletionRequestMessage = { role: 'user', content: [{ type: 'text', txt: 'typo' }] };
  void badPart;

  // Open enums: any model id string is accepted.
  const customModel: CreateChatCompletionRequest = { ...base, model: 'ft:gpt-4o:acme:custom:abc123' };
  void customModel;

  // Discriminated union narrowing on role.
  const narrow = (m: ChatCompletionRequestMessage): string => (m.role === 'tool' ? m.tool_call_id : m.role);
  void narrow;

  // @ts-expect-error MARK:wrong-order
  const badOrder: ListChatCompletionsOpts = { order: 'sideways' };
  void badOrder;

  // @ts-expect-error MARK:wrong-purpose
  void new FilesApi().createFile({ file: new Blob([]), purpose: 'anything' });

  const speech: CreateSpeechRequest = { model: 'tts-1', input: 'x', voice: 'a-brand-new-voice' };
  void new AudioApi().createSpeech(speech).then((blob) => assertType<Equals<typeof blob, Blob>>());
  void new FilesApi().downloadFile('file-1').then((blob) => assertType<Equals<typeof blob, Blob>>());
  void new FilesApi().createFile({ file: new File([], 'a.txt'), purpose: 'user_data' }).then((f) => assertType<Equals<typeof f, OpenAIFile>>());
}

export function enumsReadonlyNullable(response: CreateChatCompletionResponse, chunk: CreateChatCompletionStreamResponse): void {
  // Enum const objects exist and their values are literal types.
  const effort: ReasoningEffort = ReasoningEffort.High;
  assertType<Equals<typeof ReasoningEffort.High, 'high'>>();
  assertType<Equals<ReasoningEffort, 'low' | 'medium' | 'high'>>();
  const tier: ServiceTier = ServiceTier[Object.keys(ServiceTier)[0] as keyof typeof ServiceTier];
  void effort;
  void tier;

  // @ts-expect-error MARK:bad-enum-value
  const badEffort: ReasoningEffort = 'extreme';
  void badEffort;

  // @ts-expect-error MARK:enum-object-readonly
  ReasoningEffort.High = 'low';

  // readOnly properties can be read but not assigned.
  const created: number = response.created;
  void created;
  // @ts-expect-error MARK:readonly-created
  response.created = 0;
  // @ts-expect-error MARK:readonly-chunk-created
  chunk.created = 0;
  response.model = 'writable';

  // Nullable fields accept null.
  const nulls: CreateChatCompletionRequest = {
    ...base,
    temperature: null,
    top_p: null,
    reasoning_effort: null,
    metadata: null,
    stop: null,
    stream: null,
    service_tier: null,
    audio: null,
    max_completion_tokens: null,
  };
  void nulls;
  const clear: UpdateChatCompletionRequest = { metadata: null };
  void clear;
  const content: string | null = response.choices[0]!.message.content;
  void content;

  // @ts-expect-error MARK:non-nullable-model
  const nullModel: CreateChatCompletionRequest = { ...base, model: null };
  void nullModel;

  // @ts-expect-error MARK:non-nullable-messages
  const nullMessages: CreateChatCompletionRequest = { ...base, messages: null };
  void nullMessages;

  // @ts-expect-error MARK:required-update-metadata
  const emptyUpdate: UpdateChatCompletionRequest = {};
  void emptyUpdate;
}
`;

const EXPECTED: Record<string, RegExp> = {
  'stream-is-not-plain': /TS2322|TS2741|TS2739|TS2740/,
  'plain-is-not-stream': /TS2322|TS2741|TS2739|TS2740/,
  'wrong-role': /TS2769[\s\S]*"robot"/,
  'missing-messages': /TS2769[\s\S]*'messages' is missing/,
  'missing-model': /TS2741[\s\S]*'model' is missing/,
  'wrong-message-role-var': /TS2322[\s\S]*"robot"/,
  'tool-message-needs-id': /TS2322[\s\S]*tool_call_id/,
  'wrong-content-part': /(TS2353|TS2561)[\s\S]*'txt'|TS2322[\s\S]*txt/,
  'wrong-order': /TS2322[\s\S]*"sideways"/,
  'wrong-purpose': /TS2322[\s\S]*"anything"|TS2769[\s\S]*"anything"/,
  'bad-enum-value': /TS2322[\s\S]*"extreme"/,
  'enum-object-readonly': /TS2540[\s\S]*'High'/,
  'readonly-created': /TS2540[\s\S]*'created'/,
  'readonly-chunk-created': /TS2540[\s\S]*'created'/,
  'non-nullable-model': /TS2322[\s\S]*null/,
  'non-nullable-messages': /TS2322[\s\S]*null/,
  'required-update-metadata': /TS2741[\s\S]*'metadata' is missing/,
};

interface Diagnostic {
  line: number;
  text: string;
}

/** Parses `tsc --pretty false` output into diagnostics (first line + indented continuation). */
function diagnostics(output: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const raw of output.split('\n')) {
    const head = /^(.*)\((\d+),(\d+)\): error (TS\d+: .*)$/.exec(raw);
    if (head) {
      if (!head[1]!.endsWith(file)) throw new Error(`error outside the test program: ${raw}`);
      out.push({ line: Number(head[2]), text: head[4]! });
    } else if (raw.startsWith(' ') && out.length > 0) {
      out[out.length - 1]!.text += `\n${raw.trim()}`;
    } else if (raw.trim() !== '') {
      throw new Error(`unexpected compiler output: ${raw}`);
    }
  }
  return out;
}

let dir: string;

function writeProgram(source: string): void {
  writeFileSync(join(dir, 'check.mts'), source);
}

function compile(): { status: number | null; output: string } {
  const result = run(TSC, ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], dir);
  return { status: result.status, output: result.stdout + result.stderr };
}

beforeAll(() => {
  dir = makeTempDir('gen-types-');
  // The generated package's own settings (strict, noUncheckedIndexedAccess, DOM lib, no @types).
  const generated = JSON.parse(readFileSync(join(GENERATED_DIR, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: Record<string, unknown>;
  };
  const { rootDir: _rootDir, outDir: _outDir, declaration: _declaration, declarationMap: _declarationMap, sourceMap: _sourceMap, ...options } = generated.compilerOptions;
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...options, strict: true, noEmit: true, noUnusedLocals: false }, files: ['check.mts'] }),
  );
});

afterAll(() => removeDir(dir));

describe('generated types', () => {
  const markedLines = (): Map<number, string> => {
    const marks = new Map<number, string>();
    PROGRAM.split('\n').forEach((line, i) => {
      const m = /\/\/ @ts-expect-error MARK:([\w-]+)/.exec(line);
      if (m) marks.set(i + 2, m[1]!); // 1-based line of the guarded statement
    });
    return marks;
  };

  it('every mark has an expected diagnostic pattern', () => {
    expect([...markedLines().values()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('the consumer program type-checks: every @ts-expect-error is needed, nothing else fails', () => {
    writeProgram(PROGRAM);
    const { status, output } = compile();
    expect(output.trim()).toBe('');
    expect(status).toBe(0);
  });

  it('without the directives, exactly the marked lines fail, each for the expected reason', () => {
    // Keep line numbers: blank out the directive, not the line.
    writeProgram(PROGRAM.replace(/\/\/ @ts-expect-error MARK:([\w-]+)/g, '// (expect error: $1)'));
    const { status, output } = compile();
    expect(status).not.toBe(0);
    const found = diagnostics(output, 'check.mts');
    const marks = markedLines();

    const unexpected = found.filter((d) => !marks.has(d.line));
    expect(unexpected).toEqual([]);

    for (const [line, mark] of marks) {
      const here = found.filter((d) => d.line === line);
      expect(here.length, `no error for MARK:${mark} (line ${line})`).toBeGreaterThan(0);
      const text = here.map((d) => d.text).join('\n');
      expect(text, `MARK:${mark}`).toMatch(EXPECTED[mark]!);
    }
  });

  it('the readOnly `created` is also readonly in the emitted model source', () => {
    for (const model of ['CreateChatCompletionResponse', 'CreateChatCompletionStreamResponse']) {
      const source = readFileSync(join(GENERATED_DIR, 'src', 'models', `${model}.ts`), 'utf8');
      expect(source).toMatch(/^\s*readonly created: number;$/m);
    }
  });
});
