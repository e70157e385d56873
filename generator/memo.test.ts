import { describe, expect, it } from 'vitest';
import { memoizeText } from './memo.ts';
import { escapePointerSegment } from './pointer.ts';
import { quote } from './naming.ts';
import { docLines, markdown, tableCell } from './view/text.ts';

describe('memoizeText', () => {
  it('computes each text once, and never gives one text the answer of another', () => {
    const calls: string[] = [];
    const shout = memoizeText((text) => {
      calls.push(text);
      return text.toUpperCase() + text.length;
    });
    expect(shout('a')).toBe('A1');
    expect(shout('ab')).toBe('AB2');
    expect(shout('a')).toBe('A1');
    expect(shout('')).toBe('0');
    expect(calls).toEqual(['a', 'ab', '']);
  });

  it('starts over when full, so it stays bounded, and still answers right', () => {
    let calls = 0;
    const length = memoizeText((text) => ++calls && text.length, 2);
    for (const text of ['a', 'bb', 'ccc', 'a', 'bb']) expect(length(text)).toBe(text.length);
    expect(calls).toBe(5);
  });
});

describe('the text functions given a memo or a fast path', () => {
  it('answer a repeated text as the first time, and texts differing in one character differently', () => {
    for (let round = 0; round < 2; round++) {
      expect(escapePointerSegment('/a~b')).toBe('~1a~0b');
      expect(escapePointerSegment('/a~c')).toBe('~1a~0c');
      expect(tableCell('a|b <i>\nc')).toBe('a\\|b &lt;i&gt; c');
      expect(tableCell('a|b <i>\nd')).toBe('a\\|b &lt;i&gt; d');
      expect(markdown('x & y\r\n')).toBe('x &amp; y');
      expect(markdown('plain text')).toBe('plain text');
      expect(tableCell('plain|')).toBe('plain\\|');
    }
  });

  it('hand out a fresh list of comment lines each time: a caller adding a line changes no other', () => {
    const first = docLines('Shared description.', ['@deprecated']);
    first.push('changed');
    expect(docLines('Shared description.')).toEqual(['Shared description.']);
    expect(docLines('Shared description.', ['@deprecated'])).toEqual(['Shared description.', '@deprecated']);
  });

  it('quote text with nothing to escape as it is, and escape the rest', () => {
    expect(quote('plain name-1 €')).toBe("'plain name-1 €'");
    expect(quote("it's `x`\\\u2028\u0001")).toBe("'it\\'s \\u0060x\\u0060\\\\\\u2028\\u0001'");
  });
});
