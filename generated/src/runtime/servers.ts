// The spec's `servers`: URL templates such as `https://{region}.example.com/{version}`
// whose variables are filled from the caller's choices, else from their defaults.

export interface ServerVariable {
  default: string;
  /** When present, the only values allowed. */
  enum?: readonly string[] | undefined;
  description?: string | undefined;
}

export interface ServerSpec {
  url: string;
  description?: string | undefined;
  variables?: Readonly<Record<string, ServerVariable>> | undefined;
}

export type ServerVariables = Readonly<Record<string, string>>;

const VARIABLE = /\{([^{}]*)\}/g;

/**
 * The URL of `servers[index]` with every `{variable}` filled in: from `chosen` when it names
 * the variable, else from the variable's default. Throws RangeError for an index out of range,
 * a chosen name the server does not declare (unless `ignoreUnknown`), a value outside the
 * variable's `enum`, or a `{name}` in the URL with no declaration.
 */
export function resolveServerUrl(
  servers: readonly ServerSpec[],
  index = 0,
  chosen: ServerVariables = {},
  { ignoreUnknown = false }: { ignoreUnknown?: boolean } = {},
): string {
  if (servers.length === 0) throw new RangeError('The spec declares no server: pass basePath');
  if (!Number.isInteger(index) || index < 0 || index >= servers.length) {
    throw new RangeError(`serverIndex must be an integer from 0 to ${servers.length - 1}, not ${String(index)}`);
  }
  const server = servers[index] as ServerSpec;
  const declared = server.variables ?? {};
  if (!ignoreUnknown) {
    const unknown = Object.keys(chosen).filter((name) => !hasOwn(declared, name));
    if (unknown.length > 0) {
      const known = Object.keys(declared);
      throw new RangeError(
        `Unknown server variable ${unknown.map(quoted).join(', ')} for ${server.url}; ` +
          (known.length > 0 ? `it has ${known.map(quoted).join(', ')}` : 'it has no variables'),
      );
    }
  }
  return server.url.replace(VARIABLE, (_match, name: string) => {
    const variable = hasOwn(declared, name) ? declared[name] : undefined;
    if (variable === undefined) {
      throw new RangeError(`Server URL ${server.url} uses {${name}}, which it does not declare: pass basePath instead`);
    }
    const value = hasOwn(chosen, name) ? (chosen[name] as string) : variable.default;
    if (variable.enum !== undefined && !variable.enum.includes(value)) {
      throw new RangeError(`Server variable "${name}" must be one of ${variable.enum.map(quoted).join(', ')}, not ${quoted(String(value))}`);
    }
    return value;
  });
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function quoted(text: string): string {
  return JSON.stringify(text);
}
