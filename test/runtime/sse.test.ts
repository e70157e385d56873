import { describe, expect, it } from 'vitest';
import { SseDecoder, readServerSentEvents, type ServerSentEvent } from '../../templates/static/src/runtime/sse.js';
import { CHUNKS, LINE_ENDINGS, recordedBytes, splitAt } from './fixtures.js';

const enc = new TextEncoder();

function decode(...chunks: Array<string | Uint8Array>): { events: ServerSentEvent[]; end: ReturnType<SseDecoder['end']> } {
  const decoder = new SseDecoder();
  const events: ServerSentEvent[] = [];
  for (const chunk of chunks) events.push(...decoder.push(typeof chunk === 'string' ? enc.encode(chunk) : chunk));
  return { events, end: decoder.end() };
}

const data = (...chunks: string[]) => decode(...chunks).events.map((e) => e.data);

describe('SseDecoder', () => {
  it('joins multiple data lines with LF and defaults the type to "message"', () => {
    const { events } = decode('data: a\ndata: b\ndata:\ndata: c\n\n');
    expect(events).toEqual([{ event: 'message', data: 'a\nb\n\nc', id: '', retry: undefined }]);
  });

  it('ignores comments and unknown fields', () => {
    expect(data(': hello\nfoo: bar\ndata: x\n: between\n\n:only a comment\n\n')).toEqual(['x']);
  });

  it('removes exactly one leading space after the colon', () => {
    expect(data('data:x\n\ndata: x\n\ndata:  x\n\n')).toEqual(['x', 'x', ' x']);
  });

  it('treats a line without a colon as a field with an empty value', () => {
    const { events } = decode('data\n\nevent\ndata\ndata\n\n');
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['message', ''],
      ['message', '\n'],
    ]);
  });

  it('does not dispatch an event that has no data, and resets its type', () => {
    const { events } = decode('event: ping\n\ndata: after\n\n');
    expect(events).toEqual([{ event: 'message', data: 'after', id: '', retry: undefined }]);
  });

  it('sets the event type and keeps colons inside values', () => {
    const { events } = decode('event: response.delta\ndata: {"a":"b:c"}\n\n');
    expect(events[0]).toMatchObject({ event: 'response.delta', data: '{"a":"b:c"}' });
  });

  it('keeps the last event id across events, ignores ids with NUL, resets on empty id', () => {
    const { events } = decode('id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000x\ndata: c\n\nid\ndata: d\n\n');
    expect(events.map((e) => e.id)).toEqual(['1', '1', '1', '']);
  });

  it('accepts retry only when it is all ASCII digits', () => {
    const { events } = decode('retry: 3000\ndata: a\n\nretry: 12x\ndata: b\n\nretry: -5\nretry:\ndata: c\n\nretry: 10\ndata: d\n\n');
    expect(events.map((e) => e.retry)).toEqual([3000, 3000, 3000, 10]);
  });

  it('accepts LF, CRLF and CR line ends, mixed', () => {
    expect(data('data: a\r\n\r\ndata: b\r\rdata: c\n\ndata: d\r\n\n')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('treats CR at the end of one chunk and LF at the start of the next as one line end', () => {
    // Read as two line ends, the LF would be a blank line dispatching "a" alone.
    expect(data('data: a\r', '\ndata: b\r', '\n\r', '\n')).toEqual(['a\nb']);
  });

  it('still ends the line at a lone CR that closes a chunk', () => {
    expect(data('data: a\r', 'data: b\r', '\r')).toEqual(['a\nb']);
  });

  it('strips one leading BOM, even when split across chunks, but not a second one', () => {
    const bytes = enc.encode('\uFEFFdata: x\n\n');
    expect(decode(bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)).events.map((e) => e.data)).toEqual(['x']);
    // A second BOM makes the first field name "\uFEFFdata", which is unknown.
    expect(data('\uFEFF\uFEFFdata: x\n\n')).toEqual([]);
    expect(data('data: \uFEFFx\n\n')).toEqual(['\uFEFFx']);
  });

  it('decodes multi-byte characters split across chunks', () => {
    const bytes = enc.encode('data: 👋é\n\n');
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(decode(...chunks).events.map((e) => e.data)).toEqual(['👋é']);
  });

  it('discards an event with no trailing blank line and reports it', () => {
    const { events, end } = decode('data: a\n\ndata: b\n');
    expect(events.map((e) => e.data)).toEqual(['a']);
    expect(end.truncated).toBe(true);
    expect(end.discarded?.data).toBe('b');
  });

  it('reports an unterminated last line', () => {
    const { end } = decode('data: a\n\ndata: par');
    expect(end).toMatchObject({ truncated: true, discarded: { data: 'par' } });
  });

  it('reports a clean end', () => {
    expect(decode('data: a\n\n: bye\n').end).toEqual({ truncated: false, discarded: undefined });
    expect(decode('').end).toEqual({ truncated: false, discarded: undefined });
  });

  it('handles a long line arriving in many small chunks', () => {
    const long = 'x'.repeat(100_000);
    const bytes = enc.encode(`data: ${long}\n\n`);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    expect(decode(...chunks).events[0]?.data).toBe(long);
  });
});

describe('SseDecoder on a recorded stream split everywhere', () => {
  const expected = [...CHUNKS.map((c) => JSON.stringify(c)), '[DONE]'];

  for (const eol of LINE_ENDINGS) {
    const bytes = recordedBytes(eol);
    const name = JSON.stringify(eol);

    it(`gives the same events for every single split point (${name})`, () => {
      for (let i = 0; i <= bytes.length; i++) {
        const { events, end } = decode(...splitAt(bytes, [i]));
        expect(events.map((e) => e.data), `split at ${i}`).toEqual(expected);
        expect(events.map((e) => e.id)).toEqual(['0', '1', '2', '3', '3']);
        expect(events.every((e) => e.retry === 1500)).toBe(true);
        expect(end.truncated).toBe(false);
      }
    });

    it(`gives the same events fed one byte at a time (${name})`, () => {
      expect(decode(...splitAt(bytes, Array.from({ length: bytes.length }, (_, i) => i))).events.map((e) => e.data)).toEqual(expected);
    });
  }

  it('gives the same events for every pair of split points (CRLF)', () => {
    const bytes = recordedBytes('\r\n');
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j += 3) {
        const got = decode(...splitAt(bytes, [i, j])).events.map((e) => e.data);
        if (got.length !== expected.length || got.some((d, k) => d !== expected[k])) {
          expect(got, `split at ${i}, ${j}`).toEqual(expected);
        }
      }
    }
  });
});

describe('readServerSentEvents', () => {
  function source(parts: string[], onCancel?: () => void): ReadableStream<Uint8Array> {
    let i = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const part = parts[i++];
        if (part === undefined) controller.close();
        else controller.enqueue(enc.encode(part));
      },
      cancel: onCancel,
    });
  }

  it('yields events and returns the end state', async () => {
    const gen = readServerSentEvents(source(['data: a\n', '\ndata: b', '\n\ndata: c\n']));
    const seen: string[] = [];
    let step = await gen.next();
    while (!step.done) {
      seen.push(step.value.data);
      step = await gen.next();
    }
    expect(seen).toEqual(['a', 'b']);
    expect(step.value).toMatchObject({ truncated: true, discarded: { data: 'c' } });
  });

  it('cancels the source when the consumer stops early', async () => {
    let cancelled = false;
    const parts = ['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'];
    for await (const event of readServerSentEvents(source(parts, () => (cancelled = true)))) {
      expect(event.data).toBe('1');
      break;
    }
    expect(cancelled).toBe(true);
  });

  it('stops with the abort reason when the signal aborts', async () => {
    const controller = new AbortController();
    const never = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(enc.encode('data: 1\n\n')); } });
    const seen: string[] = [];
    const reason = new Error('stop');
    await expect(
      (async () => {
        for await (const event of readServerSentEvents(never, controller.signal)) {
          seen.push(event.data);
          setTimeout(() => controller.abort(reason), 5);
        }
      })(),
    ).rejects.toBe(reason);
    expect(seen).toEqual(['1']);
  });
});
