// Every generated name is decided here, once, following openapi-generator's rules so our
// layout lines up with its Ruby client: camelize on `_`, `-`, spaces and other separators.

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined').split(' '),
);

/** Splits on anything that is not a letter or digit and capitalizes each word's first letter. */
export function camelize(text: string, lowerFirst = false): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let out = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (lowerFirst && out) {
    // Lower a leading run of capitals as a unit ("URLPath" → "urlPath", "ID" → "id").
    const run = /^[A-Z]+(?=[A-Z][a-z]|$|[0-9])/.exec(out)?.[0] ?? out[0]!;
    out = run.toLowerCase() + out.slice(run.length);
  }
  return out;
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

/** A function argument or local name; never a reserved word. */
export function toVariableName(wireName: string): string {
  const name = camelize(wireName, true) || 'value';
  return RESERVED.has(name) || /^[0-9]/.test(name) ? `_${name}` : name;
}

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

/** A single-quoted TypeScript string literal: every character that could end or bend it is escaped. */
export function quote(text: string): string {
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
