// Async helpers shared by the runtime tests and the tests of the committed client.

/** Iterates to the end and returns every item, in order. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
