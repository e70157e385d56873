// Memos for pure text functions called again and again with the same few inputs (the same path,
// description or parameter name once per operation: tens of thousands of times on Microsoft
// Graph). Bounded: when full, a memo starts over, so a long-lived process (watch mode, tests)
// never grows it without limit.

/** Most answers one memo keeps; far above the distinct inputs of the largest spec known. */
export const MEMO_LIMIT = 200_000;

/** `fn` remembered by its one string argument. `fn` must be pure: same text in, same text out. */
export function memoizeText<T>(fn: (text: string) => T, limit = MEMO_LIMIT): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = fn(text);
      if (answers.size >= limit) answers.clear();
      answers.set(text, answer);
    }
    return answer;
  };
}
