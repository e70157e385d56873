// A recorded-looking chat completion stream, made deterministically (same bytes on every
// machine): `data: {chat.completion.chunk}` events separated by blank lines, content tokens
// that include multi-byte UTF-8 (accents, CJK, emoji), a final chunk with finish_reason, a
// usage chunk, and `data: [DONE]`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const STREAM_CHUNKS = 10_000;

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  ' the', ' a', ' of', ' stream', ' model', ' token', ',', '.', ' and', ' is', ' to', ' in', ' that',
  ' data', ' server', ' response', ' chunk', ' JSON', '\n', '\n\n', ' "quoted"', ' path\\to', ' tab\t',
  ' café', ' naïve', ' Grüße', ' façade', ' —', ' …', ' 日本語', ' 中文', ' 한국어', ' 😀', ' 🚀', ' Ω', ' ∑',
];

export function makeStream(chunks = STREAM_CHUNKS): string {
  const random = prng(20260821);
  const id = 'chatcmpl-BnchA7f3kQ2xLm9WcR5tYv0ZpE1uD';
  const head = { id, object: 'chat.completion.chunk', created: 1767225600, model: 'gpt-4o-mini-2024-07-18', service_tier: 'default', system_fingerprint: 'fp_8bda4d3a2c' };
  const events: string[] = [];
  const obfuscation = () => Math.floor(random() * 36 ** 6).toString(36);
  events.push(JSON.stringify({ ...head, choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }], obfuscation: obfuscation() }));
  for (let i = 1; i < chunks - 2; i++) {
    const token = TOKENS[Math.floor(random() * TOKENS.length)]!;
    events.push(JSON.stringify({ ...head, choices: [{ index: 0, delta: { content: token }, logprobs: null, finish_reason: null }], obfuscation: obfuscation() }));
  }
  events.push(JSON.stringify({ ...head, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], obfuscation: obfuscation() }));
  events.push(
    JSON.stringify({
      ...head,
      choices: [],
      usage: { prompt_tokens: 42, completion_tokens: chunks - 3, total_tokens: chunks + 39, prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 } },
      obfuscation: obfuscation(),
    }),
  );
  return events.map((e) => `data: ${e}\n\n`).join('') + 'data: [DONE]\n\n';
}

/** Writes the stream file unless an identical one is there; returns its size and hash. */
export function writeStreamFile(file: string): { bytes: number; sha256: string; chunks: number } {
  const bytes = Buffer.from(makeStream(), 'utf8');
  if (!existsSync(file) || !readFileSync(file).equals(bytes)) writeFileSync(file, bytes);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), chunks: STREAM_CHUNKS };
}
