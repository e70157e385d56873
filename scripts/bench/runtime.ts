// Section 3: runtime. SSE parse throughput on a recorded 10,000-chunk stream, and
// requests/second of a plain chat completion against a loopback server.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ensureDir, fmtBytes, fmtInt, fmtMs, fmtRatio, REPO_ROOT, reportSeries, tryMeasure, tsNode, WORK_DIR, type Measured, type Plan } from './common.ts';
import { verdict, type Section, type Table, type Target } from './report.ts';
import { writeStreamFile } from './sse-stream.ts';

type Impl = 'ours' | 'openai';
const IMPLS: Impl[] = ['ours', 'openai'];
const NAMES: Record<Impl, string> = {
  ours: 'ours (runtime/Stream.ts, runtime/sse.ts)',
  openai: 'openai (Stream.fromSSEResponse, _iterSSEMessages)',
};

async function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const [cmd, ...args] = tsNode('loopback-server.ts', []);
  const child = spawn(cmd!, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the loopback server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the loopback server exited with code ${code}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  return { child, port };
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.stdin?.end(); // the server exits when its stdin closes
    setTimeout(() => child.kill('SIGTERM'), 2000).unref();
  });
}

export async function runRuntime(plan: Plan): Promise<Section> {
  const dir = ensureDir(path.join(WORK_DIR, 'runtime'));
  const streamFile = path.join(dir, 'chat-stream.sse');
  const stream = writeStreamFile(streamFile);
  const counts = { warmup: plan.warmup, runs: plan.runsCheap };
  const reps = String(plan.innerReps * 2);

  // SSE: `chunks` is what users iterate (decode + JSON.parse); `events` is the SSE layer alone.
  const sse: Record<string, Record<Impl, { m?: Measured; failed?: string }>> = { chunks: {} as never, events: {} as never };
  for (const level of ['chunks', 'events'] as const) {
    for (const impl of IMPLS) {
      sse[level]![impl] = await tryMeasure(`SSE ${level}, ${impl}`, tsNode('run-sse.ts', [impl, level, streamFile, reps]), counts, {
        jsonReport: true,
        check: (s) => {
          if (typeof s.report?.items !== 'number') throw new Error(`run-sse.ts printed no report: ${s.stdoutTail}`);
        },
      });
    }
  }
  const sseRow = (level: 'chunks' | 'events', impl: Impl) => {
    const { m, failed } = sse[level]![impl];
    if (!m) return [NAMES[impl], level, 'not measured', '', '', '', '', failed ?? ''];
    const other = sse[level]![impl === 'ours' ? 'openai' : 'ours'].m;
    const mbps = reportSeries(m, 'mbPerS')?.median;
    const otherMbps = other ? reportSeries(other, 'mbPerS')?.median : undefined;
    return [
      NAMES[impl],
      level === 'chunks' ? 'parsed chunks' : 'SSE events only',
      fmtMs(reportSeries(m, 'ms')?.median),
      mbps?.toFixed(1) ?? 'n/a',
      fmtInt(reportSeries(m, 'itemsPerS')?.median),
      fmtBytes(m.maxRssBytes?.median),
      impl === 'ours' ? fmtRatio(mbps && otherMbps ? mbps / otherMbps : undefined) : '1×',
      '',
    ];
  };
  const sseTable: Table = {
    caption: `Parsing ${fmtBytes(stream.bytes)} / ${stream.chunks.toLocaleString('en-US')} chunks, fed as a Response whose body yields 16 KiB pieces (median pass of ${reps} in each process, median over ${plan.runsCheap} processes).`,
    headers: ['Parser', 'Level', 'Time per pass', 'MB/s', 'Items/s', 'Peak RSS', 'ours ÷ openai (throughput)', ''],
    numeric: [2, 3, 4, 5, 6],
    rows: [sseRow('chunks', 'ours'), sseRow('chunks', 'openai'), sseRow('events', 'ours'), sseRow('events', 'openai')],
  };
  const sseItems = IMPLS.map((impl) => sse.chunks![impl].m?.reports[0]?.checksum);
  const sameOutput = sseItems[0] !== undefined && sseItems[0] === sseItems[1];

  // HTTP: one server process for all runs; each client run is a fresh process.
  const http: Record<string, { m?: Measured; failed?: string }> = {};
  const { child, port } = await startServer();
  try {
    const base = `http://127.0.0.1:${port}/v1`;
    for (const concurrency of [1, 16]) {
      for (const impl of IMPLS) {
        http[`${impl}-${concurrency}`] = await tryMeasure(
          `HTTP ${impl}, concurrency ${concurrency}`,
          tsNode('run-http.ts', [impl, base, String(concurrency), String(plan.httpRequests)]),
          { warmup: plan.warmup, runs: plan.runsHeavy },
          { jsonReport: true, timeoutMs: 120_000 },
        );
      }
    }
  } finally {
    await stopServer(child);
  }
  const httpRows = [1, 16].flatMap((concurrency) =>
    IMPLS.map((impl) => {
      const { m, failed } = http[`${impl}-${concurrency}`]!;
      if (!m) return [impl, String(concurrency), 'not measured', '', '', '', '', failed ?? ''];
      const rps = reportSeries(m, 'rps');
      const other = http[`${impl === 'ours' ? 'openai' : 'ours'}-${concurrency}`]!.m;
      const otherRps = other ? reportSeries(other, 'rps')?.median : undefined;
      return [
        impl === 'ours' ? 'ours: ChatApi.createChatCompletion' : 'openai: client.chat.completions.create',
        concurrency === 1 ? 'sequential' : String(concurrency),
        fmtInt(rps?.median),
        `${fmtInt(rps?.min)}–${fmtInt(rps?.max)}`,
        fmtMs(reportSeries(m, 'p50Ms')?.median),
        fmtMs(reportSeries(m, 'p99Ms')?.median),
        fmtBytes(m.maxRssBytes?.median),
        impl === 'ours' ? fmtRatio(rps && otherRps ? rps.median / otherRps : undefined) : '1×',
      ];
    }),
  );
  const httpTable: Table = {
    caption: `Requests/second of a non-streamed chat completion against a node:http server on 127.0.0.1 (separate process; fixed 700-byte chat.completion reply). ${plan.httpRequests} requests per run after 200 warm-up requests; median over ${plan.runsHeavy} runs.`,
    headers: ['Client', 'Concurrency', 'Requests/s', 'min–max', 'p50 latency', 'p99 latency', 'Peak RSS', 'ours ÷ openai'],
    numeric: [2, 4, 5, 6, 7],
    rows: httpRows,
  };

  const oursMbps = sse.chunks!.ours.m && reportSeries(sse.chunks!.ours.m, 'mbPerS')?.median;
  const openaiMbps = sse.chunks!.openai.m && reportSeries(sse.chunks!.openai.m, 'mbPerS')?.median;
  const targets: Target[] = [
    {
      name: 'SSE throughput ≥ openai\'s',
      detail: oursMbps && openaiMbps ? `${oursMbps.toFixed(1)} MB/s vs ${openaiMbps.toFixed(1)} MB/s = ${fmtRatio(oursMbps / openaiMbps)} (parsed chunks)` : 'not measured',
      verdict: verdict(oursMbps && openaiMbps ? oursMbps >= openaiMbps : undefined),
    },
  ];

  return {
    id: 'runtime',
    title: '3. Runtime',
    method:
      'SSE: a deterministic recorded-style stream of 10,000 `chat.completion.chunk` events (`data: ` framing, blank-line separators, multi-byte content such as "café", "日本語", emoji; a finish chunk, a usage chunk, then `data: [DONE]`), written to bench/.work/runtime/chat-stream.sse. Each process parses it once untimed, then times several passes. HTTP: our committed generated/ client vs `openai`, both on Node\'s global fetch.',
    tables: [sseTable, httpTable],
    notes: [
      `Stream file: ${fmtBytes(stream.bytes)}, sha256 ${stream.sha256.slice(0, 16)}…; both parsers yield the same chunks: ${sameOutput ? 'yes (same count and content checksum)' : 'NO — check run-sse.ts output'}.`,
      'MB/s counts the bytes of the stream file; Items/s counts parsed chunks (or SSE events at the "events only" level, which includes the [DONE] event).',
      'Requests/s on loopback is bounded by Node\'s fetch (undici) and the server sharing two cores; differences of ±15% between runs are normal here, so compare the medians with the min–max range.',
    ],
    targets,
    data: { stream, sse, http },
  };
}
