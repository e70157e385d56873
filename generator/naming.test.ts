import { describe, expect, it } from 'vitest';
import { camelize, NameRegistry, objectLiteralKey, propertyKey, quote, reservedModelName, toApiClassName, toMethodName, toModelName, toSnakeCase, toVariableName } from './naming.ts';

describe('naming', () => {
  it('camelizes the way openapi-generator does', () => {
    expect(toModelName('CreateChatCompletionRequest_stop')).toBe('CreateChatCompletionRequestStop');
    expect(toModelName('CreateChatCompletionResponse_choices_inner')).toBe('CreateChatCompletionResponseChoicesInner');
    expect(toModelName('Text content_1')).toBe('TextContent1');
    expect(toModelName('Error-2')).toBe('Error2');
    expect(toModelName('Beta_AgentTagParam')).toBe('BetaAgentTagParam');
    expect(toModelName('2fa')).toBe('Model2fa');
    expect(toApiClassName('Chat')).toBe('ChatApi');
    expect(toApiClassName('Fine-tuning')).toBe('FineTuningApi');
    expect(toApiClassName(undefined)).toBe('DefaultApi');
  });

  it('camelizes by words split on every character that is not an ASCII letter or digit', () => {
    // The rule as first written, kept here to hold the faster scan to it.
    const byWords = (text: string) =>
      text
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join('');
    const texts = ['', '-', '--a', 'a--', 'a', 'A', '9lives', 'users_user-id', "microsoft.graph.delta(token='{token}')", '$top', 'é-été', 'x\u2028y', '😀a😀b', ' a  b ', 'a_B_c', 'zZ', '_9', 'Z_'];
    for (const text of texts) expect(camelize(text), JSON.stringify(text)).toBe(byWords(text));
  });

  it('names methods and variables in camelCase, never as reserved words', () => {
    expect(toMethodName('createChatCompletion')).toBe('createChatCompletion');
    expect(toMethodName('ListContainers')).toBe('listContainers');
    expect(toMethodName('admin-api-keys-list')).toBe('adminApiKeysList');
    expect(toMethodName('CreateanAPIkeyforaserviceaccount')).toBe('createanApIkeyforaserviceaccount');
    expect(toVariableName('completion_id')).toBe('completionId');
    expect(toVariableName('OpenAI-Organization')).toBe('openAIOrganization');
    expect(toVariableName('default')).toBe('_default');
    // Memoized: asked again, and for a name differing in one character, each gets its own answer.
    expect(toVariableName('completion_id')).toBe('completionId');
    expect(toVariableName('completion_ids')).toBe('completionIds');
    expect(toVariableName('default')).toBe('_default');
    expect(camelize('URL_path', true)).toBe('urlPath');
  });

  it('spells Ruby snake_case names for parity', () => {
    expect(toSnakeCase('createChatCompletion')).toBe('create_chat_completion');
    expect(toSnakeCase('ChatCompletionRequestAssistantMessage')).toBe('chat_completion_request_assistant_message');
  });

  it('quotes string literals so no text can end them', () => {
    expect(quote("it's")).toBe("'it\\'s'");
    expect(quote('a\\b')).toBe("'a\\\\b'");
    expect(quote('line\nbreak\u2028')).toBe("'line\\u000abreak\\u2028'");
    expect(quote('`${x}`')).toBe("'\\u0060${x}\\u0060'");
    // Whatever the input, the result evaluates back to the same string.
    for (const s of ["'); process.exit(1); ('", '\\\'', '\r\n\t\0', '</script>', '${`x`}']) {
      expect(new Function(`return ${quote(s)}`)()).toBe(s);
    }
  });

  it('keeps wire names as property keys, quoting the ones that are not identifiers', () => {
    expect(propertyKey('max_tokens')).toBe('max_tokens');
    expect(propertyKey('OpenAI-Organization')).toBe("'OpenAI-Organization'");
    expect(propertyKey('__proto__')).toBe('__proto__');
  });

  it('gives stable numeric suffixes to taken names, case-insensitively', () => {
    const names = new NameRegistry(['ApiError']);
    expect(names.claim('Foo')).toBe('Foo');
    expect(names.claim('foo')).toBe('foo2');
    expect(names.claim('ApiError')).toBe('ApiError2');
  });

  it('writes __proto__ as a computed key in object literals, where a plain key would set the prototype', () => {
    expect(objectLiteralKey('__proto__')).toBe("['__proto__']");
    expect(objectLiteralKey('constructor')).toBe('constructor');
    const literal = new Function(`return { ${objectLiteralKey('__proto__')}: 1 }`)() as object;
    expect(Object.keys(literal)).toEqual(['__proto__']);
  });

  it('keeps models off global names and Windows device names', () => {
    for (const name of ['Error', 'Promise', 'Array', 'Map', 'Date', 'Blob', 'Response', 'Request', 'Record']) expect(reservedModelName(name)).toBe('a JavaScript or web global');
    for (const name of ['CON', 'Nul', 'com1', 'LPT9']) expect(reservedModelName(name)).toBe('not a file name on Windows');
    for (const name of ['ErrorResponse', 'Image', 'Console']) expect(reservedModelName(name)).toBeUndefined();
  });
});
