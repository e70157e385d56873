// Child process: requests/second of one non-streamed chat completion call against the
// loopback server, through our generated client or through `openai`.
//   run-http.ts ours|openai <baseURL> <concurrency> <requests>
// Warms up with 200 requests, then sends <requests> (split over <concurrency> sequential
// workers). Stops early after 60 s so a slow client cannot hold the bench.
import OpenAI from 'openai';
import { ChatApi, Configuration } from '../../generated/src/index.ts';

const [impl, baseURL, concurrencyArg, requestsArg] = process.argv.slice(2);
if ((impl !== 'ours' && impl !== 'openai') || !baseURL) {
  console.error('usage: run-http.ts ours|openai <baseURL> <concurrency> <requests>');
  process.exit(2);
}
const concurrency = Number(concurrencyArg ?? 1);
const requests = Number(requestsArg ?? 1000);
const DEADLINE_MS = 60_000;

const messages = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'user' as const, content: 'Say hello.' },
];

let call: () => Promise<string>;
if (impl === 'ours') {
  const api = new ChatApi(new Configuration({ basePath: baseURL, accessToken: 'sk-bench' }));
  call = async () => (await api.createChatCompletion({ model: 'gpt-4o-mini', messages })).choices[0]?.message.content ?? '';
} else {
  const client = new OpenAI({ apiKey: 'sk-bench', baseURL });
  call = async () => (await client.chat.completions.create({ model: 'gpt-4o-mini', messages })).choices[0]?.message.content ?? '';
}

async function run(total: number, workers: number, deadline: number): Promise<{ done: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const worker = async () => {
    while (next < total && performance.now() < deadline) {
      next++;
      const t = performance.now();
      const text = await call();
      latencies.push(performance.now() - t);
      if (!text) throw new Error('empty completion');
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { done: latencies.length, latencies };
}

await run(200, concurrency, performance.now() + DEADLINE_MS);
const started = performance.now();
const { done, latencies } = await run(requests, concurrency, started + DEADLINE_MS);
const ms = performance.now() - started;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
console.log(
  JSON.stringify({
    impl,
    concurrency,
    requests: done,
    ms,
    rps: done / (ms / 1000),
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
