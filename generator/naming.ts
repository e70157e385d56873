// Every generated name is decided here, once, following openapi-generator's rules so our
// layout lines up with its Ruby client: camelize on `_`, `-`, spaces and other separators.
import { memoizeText } from './memo.ts';

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined').split(' '),
);

/** Splits on anything that is not a letter or digit and capitalizes each word's first letter. */
export function camelize(text: string, lowerFirst = false): string {
  // One scan for the words, not split/filter/map/join: every operation, parameter and model name
  // passes through here (three times faster on Microsoft Graph's 22,000 operations).
  let out = '';
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isAsciiLetterOrDigit(text.charCodeAt(i))) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      out += text[wordStart]!.toUpperCase() + text.slice(wordStart + 1, i);
      wordStart = -1;
    }
  }
  if (lowerFirst && out) {
    // Lower a leading run of capitals as a unit ("URLPath" → "urlPath", "ID" → "id").
    const run = /^[A-Z]+(?=[A-Z][a-z]|$|[0-9])/.exec(out)?.[0] ?? out[0]!;
    out = run.toLowerCase() + out.slice(run.length);
  }
  return out;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function toModelName(schemaKey: string): string {
  const name = camelize(schemaKey) || 'Model';
  return /^[0-9]/.test(name) ? `Model${name}` : name;
}

export function toApiClassName(tag: string | undefined): string {
  const base = tag === undefined ? 'Default' : camelize(tag) || 'Default';
  return `${/^[0-9]/.test(base) ? 'Api' + base : base}Api`;
}

/** Through snake_case first, as the Ruby client does, so `createAPIKey` and `create_api_key` agree. */
export function toMethodName(operationId: string): string {
  const name = camelize(toSnakeCase(operationId), true) || 'call';
  return /^[0-9]/.test(name) ? `call${name}` : name;
}

/**
 * A function argument or local name; never a reserved word. Memoized: the same few parameter
 * names (`$top`, `user-id`) come back in thousands of operations.
 */
export const toVariableName = memoizeText((wireName) => {
  const name = camelize(wireName, true) || 'value';
  return RESERVED.has(name) || /^[0-9]/.test(name) ? `_${name}` : name;
});

/** snake_case as openapi-generator's Ruby client spells methods and files. */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as written in a type: bare when it is an identifier, quoted otherwise. */
export function propertyKey(wireName: string): string {
  return IDENTIFIER.test(wireName) ? wireName : quote(wireName);
}

/**
 * A key in an object literal. `__proto__: x` (bare or quoted) sets the object's prototype
 * instead of making a property, so that one name is written as a computed key.
 */
export function objectLiteralKey(wireName: string): string {
  return wireName === '__proto__' ? `[${quote(wireName)}]` : propertyKey(wireName);
}

/**
 * Globals a model must not shadow where it is imported: ECMAScript's, TypeScript's utility
 * types, and the web platform's that both Node.js 20 and browsers define (fetch, streams,
 * encoding, URL, abort, events, crypto). Browser-only DOM names (`Image`, `Node`, `Text`) are
 * left to models: a Node.js or browser user of an API client rarely touches them.
 */
const GLOBALS = new Set(
  (
    'AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean DataView Date Error EvalError ' +
    'FinalizationRegistry Float32Array Float64Array Function Infinity Int8Array Int16Array Int32Array Intl Iterator JSON Map ' +
    'Math NaN Number Object Promise Proxy RangeError ReferenceError Reflect RegExp Set SharedArrayBuffer String Symbol ' +
    'SyntaxError TypeError URIError Uint8Array Uint8ClampedArray Uint16Array Uint32Array WeakMap WeakRef WeakSet ' +
    'ArrayLike AsyncGenerator AsyncIterable AsyncIterableIterator AsyncIterator Awaited Capitalize ConstructorParameters ' +
    'Exclude Extract Generator InstanceType Iterable IterableIterator Lowercase NoInfer NonNullable Omit OmitThisParameter ' +
    'Parameters Partial Pick PromiseLike PropertyKey Readonly ReadonlyArray ReadonlyMap ReadonlySet Record Required ' +
    'ReturnType TemplateStringsArray ThisParameterType ThisType Uncapitalize Uppercase ' +
    'AbortController AbortSignal Blob BodyInit BroadcastChannel ByteLengthQueuingStrategy CompressionStream ' +
    'CountQueuingStrategy Crypto CryptoKey CustomEvent DOMException DecompressionStream Event EventTarget File FormData ' +
    'Headers HeadersInit MessageChannel MessageEvent MessagePort Performance ReadableStream ReadableStreamDefaultReader ' +
    'Request RequestInit Response ResponseInit SubtleCrypto TextDecoder TextDecoderStream TextEncoder TextEncoderStream ' +
    'TransformStream URL URLSearchParams WebAssembly WebSocket WritableStream'
  ).split(' '),
);

/** File names Windows refuses, whatever the extension or case. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Why a model may not be called `name` (it would shadow a global or not be a file on Windows). */
export function reservedModelName(name: string): string | undefined {
  if (GLOBALS.has(name)) return 'a JavaScript or web global';
  if (WINDOWS_RESERVED.test(name)) return 'not a file name on Windows';
  return undefined;
}

/** Longest type name we write; its file name (`<name>.ts`, `<name>.md`) must fit every file system. */
export const MAX_TYPE_NAME = 200;

/** Characters quote escapes; most text has none and is quoted as it is. */
const QUOTE_ESCAPED = /['\\`\u0000-\u001f\u007f\u2028\u2029]/;

/** A single-quoted TypeScript string literal: every character that could end or bend it is escaped. */
export function quote(text: string): string {
  if (!QUOTE_ESCAPED.test(text)) return "'" + text + "'";
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "'" || ch === '\\') out += '\\' + ch;
    else if (ch === '`') out += '\\u0060'; // keeps Markdown code fences around examples intact
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + "'";
}

/** Gives a stable numeric suffix to a name already taken. */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  /** Case-insensitive, because files named `Foo.ts` and `foo.ts` collide on some file systems. */
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
