// Child process: parses the recorded stream, fed as a Response whose body yields 16 KiB pieces.
//   run-sse.ts ours|openai chunks|events <file> <reps>
// `chunks`: the client's Stream (SSE decoding + JSON.parse of every chunk), what a user iterates.
// `events`: the SSE layer alone (ours: readServerSentEvents; openai: _iterSSEMessages).
// One untimed pass warms the JIT, then `reps` timed passes; prints the median.
import { readFileSync } from 'node:fs';
import { _iterSSEMessages, Stream as OpenAIStream } from 'openai/streaming';
import { Stream as OurStream } from '../../templates/static/src/runtime/Stream.ts';
import { readServerSentEvents } from '../../templates/static/src/runtime/sse.ts';

const PIECE = 16 * 1024;
const [impl, level, file, repsArg] = process.argv.slice(2);
if ((impl !== 'ours' && impl !== 'openai') || (level !== 'chunks' && level !== 'events') || !file) {
  console.error('usage: run-sse.ts ours|openai chunks|events <file> [reps]');
  process.exit(2);
}
const reps = Number(repsArg ?? 5);

interface Chunk {
  choices: Array<{ delta?: { content?: string | null } }>;
}

const bytes = readFileSync(file);
// Copies, as a network read would hand over; made once, outside the timing.
const pieces: Uint8Array[] = [];
for (let off = 0; off < bytes.length; off += PIECE) pieces.push(new Uint8Array(bytes.subarray(off, off + PIECE)));

function response(): Response {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < pieces.length) controller.enqueue(pieces[i++]!);
      else controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

/** One pass; returns [items, checksum] so both sides can be compared and nothing is optimized away. */
async function pass(): Promise<[number, number]> {
  let items = 0;
  let sum = 0;
  const controller = new AbortController();
  if (level === 'chunks') {
    const stream = impl === 'ours' ? new OurStream<Chunk>(response(), controller) : OpenAIStream.fromSSEResponse<Chunk>(response(), controller);
    for await (const chunk of stream) {
      items++;
      sum += chunk.choices[0]?.delta?.content?.length ?? 0;
    }
  } else {
    const events = impl === 'ours' ? readServerSentEvents(response().body!) : _iterSSEMessages(response(), controller);
    for await (const event of events) {
      items++;
      sum += event.data.length;
    }
  }
  return [items, sum];
}

const [items, checksum] = await pass();
const times: number[] = [];
for (let i = 0; i < reps; i++) {
  const t = performance.now();
  const [n, s] = await pass();
  times.push(performance.now() - t);
  if (n !== items || s !== checksum) throw new Error('passes disagree');
}
times.sort((a, b) => a - b);
const ms = times[times.length >> 1]!;
console.log(
  JSON.stringify({
    impl,
    level,
    ms,
    minMs: times[0],
    items,
    checksum,
    bytes: bytes.length,
    mbPerS: bytes.length / 1e6 / (ms / 1000),
    itemsPerS: items / (ms / 1000),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
