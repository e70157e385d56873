// What the client needs to know about the JavaScript runtime it runs in. Typed without the
// DOM or Node libraries, so the published declarations need neither.

interface ProcessLike {
  env?: Record<string, string | undefined>;
}

/** An environment variable's value under Node.js, Bun or Deno's Node compatibility; undefined when unset or empty. */
export function readEnv(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const process = (globalThis as { process?: ProcessLike }).process;
  const value = process?.env?.[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** True in a web page, where anything the client holds is readable by the page's users. */
export function isBrowser(): boolean {
  const scope = globalThis as { window?: { document?: unknown }; navigator?: unknown };
  return typeof scope.window === 'object' && scope.window !== null && scope.window.document !== undefined && scope.navigator !== undefined;
}
