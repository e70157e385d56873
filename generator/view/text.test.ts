import { describe, expect, it } from 'vitest';
import { docLines, headingAnchor, lineComment, markdown, tableCell } from './text.ts';

describe('escaping per context', () => {
  const breakers = ['\n', '\r', '\u2028', '\u2029', '\u0000', '\u000b'];

  it('keeps line comments on one line', () => {
    for (const br of breakers) {
      const text = lineComment(`#/components/schemas/A${br}__pwned()`);
      expect(text.split(/[\n\r\u2028\u2029]/)).toHaveLength(1);
      expect(text).toContain('__pwned()');
    }
    expect(lineComment('a\nb')).toBe('a\\u000ab');
  });

  it('never lets a doc comment line end the comment or break the line', () => {
    const lines = docLines('x */ y\u2028z', ['@param a */ b\u2029c']);
    expect(lines).toEqual(['x *\\/ yz', '@param a *\\/ bc']);
  });

  it('writes one line of Markdown with HTML and pipes escaped', () => {
    expect(tableCell('<img src=x onerror=alert(1)>|\nx')).toBe('&lt;img src=x onerror=alert(1)&gt;\\| x');
  });

  it.each([
    ['an open backtick fence', 'Example:\n```js\nrun()', 'Example:\n```js\nrun()\n```'],
    ['an open tilde fence, closed only by tildes at least as long', 'a\n~~~~\n```\n~~~\nb', 'a\n~~~~\n```\n~~~\nb\n~~~~'],
    ['a fence after a closed one', '```\nx\n```\ntext\n  ```', '```\nx\n```\ntext\n  ```\n```'],
  ])('closes %s, so the rest of the page stays prose', (_, text, want) => {
    expect(markdown(text)).toBe(want);
  });

  it.each([
    ['a closed fence', 'See:\n```ts\nconst a = 1;\n```\nDone.'],
    ['backticks inside a line', 'Use ```code``` here.'],
    ['a line of backticks with backticks after (not a fence)', '``` a ` b'],
    ['a fence indented four spaces (indented code, not a fence)', 'x\n\n    ```'],
  ])('leaves %s as written', (_, text) => {
    expect(markdown(text)).toBe(text);
  });

  it('keeps only link-safe characters in anchors', () => {
    expect(headingAnchor('<script>a b)(x')).toBe('scripta-bx');
    expect(headingAnchor('ApiKeyAuth')).toBe('ApiKeyAuth');
  });
});
