// Child process: a chat completions endpoint on 127.0.0.1 for the requests/second bench.
// Answers POST .../chat/completions with one fixed chat.completion object after reading the
// whole request body. Prints {"port":N} when listening; exits on SIGTERM, when stdin closes,
// or after BENCH_SERVER_MAX_MS (default 10 minutes) so it can never outlive the bench.
import http from 'node:http';

const COMPLETION = JSON.stringify({
  id: 'chatcmpl-BnchA7f3kQ2xLm9WcR5tYv0ZpE1uD',
  object: 'chat.completion',
  created: 1767225600,
  model: 'gpt-4o-mini-2024-07-18',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello! How can I help you today? — café ☕', refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: {
    prompt_tokens: 19,
    completion_tokens: 12,
    total_tokens: 31,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_8bda4d3a2c',
});
const BODY = Buffer.from(COMPLETION);

let served = 0;
const server = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
  const parts: Buffer[] = [];
  req.on('data', (b: Buffer) => parts.push(b));
  req.on('end', () => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found","type":"invalid_request_error"}}');
      return;
    }
    served++;
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': BODY.length,
      'x-request-id': `req_${served}`,
      'openai-processing-ms': '1',
    });
    res.end(BODY);
  });
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
setTimeout(stop, Number(process.env.BENCH_SERVER_MAX_MS ?? 600_000)).unref();

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
