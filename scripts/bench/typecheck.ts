// Section 2: what a user's `tsc --noEmit` pays for the client. One small program that calls
// chat completions (plain and streamed), written once against our generated client and once
// against the official `openai` package, checked with the same compiler flags.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, ensureDir, fmtBytes, fmtMs, fmtRatio, progress, REPO_ROOT, tryMeasure, WORK_DIR, type Measured, type Plan } from './common.ts';
import { verdict, type Section, type Table, type Target } from './report.ts';

const OURS_PROGRAM = (from: string) => `// Calls chat completions through our generated client.
import { ChatApi, Configuration } from '${from}';

const api = new ChatApi(new Configuration({ accessToken: 'sk-test', maxRetries: 1 }));

export async function main(): Promise<string> {
  const completion = await api.createChatCompletion({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Say hello.' },
    ],
    temperature: 0.2,
  });
  const text: string = completion.choices[0]?.message.content ?? '';

  const stream = await api.createChatCompletion({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Count to three.' }],
    stream: true,
  });
  let streamed = '';
  for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
  return text + streamed;
}
`;

const OPENAI_PROGRAM = `// Calls chat completions through the official openai package.
import OpenAI from 'openai';

const client = new OpenAI({ apiKey: 'sk-test', maxRetries: 1 });

export async function main(): Promise<string> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Say hello.' },
    ],
    temperature: 0.2,
  });
  const text: string = completion.choices[0]?.message.content ?? '';

  const stream = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Count to three.' }],
    stream: true,
  });
  let streamed = '';
  for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
  return text + streamed;
}
`;

function tsconfig(skipLibCheck: boolean): string {
  return (
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          skipLibCheck,
          noEmit: true,
        },
        files: ['main.ts'],
      },
      null,
      2,
    ) + '\n'
  );
}

interface Variant {
  key: string;
  label: string;
  client: 'ours' | 'oursFull' | 'openai';
  skipLibCheck: boolean;
  dir: string;
}

interface Diagnostics {
  files?: number;
  linesTs?: number;
  linesDts?: number;
  checkMs?: number;
  totalMs?: number;
  memoryKb?: number;
  errors: number;
  firstError?: string;
}

/** Numbers from `tsc --extendedDiagnostics`. */
function parseDiagnostics(stdout: string): Diagnostics {
  const num = (name: string) => {
    const m = new RegExp(`^${name}:\\s+([\\d.]+)(s|K)?`, 'm').exec(stdout);
    if (!m) return undefined;
    const v = Number(m[1]);
    return m[2] === 's' ? v * 1000 : v;
  };
  const errors = stdout.split('\n').filter((l) => /error TS\d+:/.test(l));
  return {
    files: num('Files'),
    linesTs: num('Lines of TypeScript'),
    linesDts: num('Lines of Definitions'),
    checkMs: num('Check time'),
    totalMs: num('Total time'),
    memoryKb: num('Memory used'),
    errors: errors.length,
    firstError: errors[0]?.trim(),
  };
}

export async function runTypecheck(plan: Plan, oursFullOut: string | undefined): Promise<Section> {
  const root = ensureDir(path.join(WORK_DIR, 'tsc'));
  const committed = path.join(REPO_ROOT, 'generated', 'src', 'index.ts');
  if (!existsSync(committed)) throw new Error('generated/src/index.ts is missing: run npm run generate first.');
  const variants: Variant[] = [];
  for (const skipLibCheck of [false, true]) {
    const suffix = skipLibCheck ? 'skipLibCheck' : 'libCheck';
    variants.push({ key: `ours-${suffix}`, label: 'ours: generated/ (Chat spec)', client: 'ours', skipLibCheck, dir: path.join(root, `ours-${suffix}`) });
    if (oursFullOut && existsSync(path.join(oursFullOut, 'src', 'index.ts'))) {
      variants.push({ key: `oursFull-${suffix}`, label: 'ours: full-spec output', client: 'oursFull', skipLibCheck, dir: path.join(root, `oursFull-${suffix}`) });
    }
    variants.push({ key: `openai-${suffix}`, label: 'openai package', client: 'openai', skipLibCheck, dir: path.join(root, `openai-${suffix}`) });
  }

  const results = new Map<string, { m?: Measured; failed?: string; diag?: Diagnostics }>();
  for (const v of variants) {
    ensureDir(v.dir);
    const target = v.client === 'ours' ? path.join(REPO_ROOT, 'generated', 'src') : v.client === 'oursFull' ? path.join(oursFullOut!, 'src') : undefined;
    const program = target ? OURS_PROGRAM(`${path.relative(v.dir, target).split(path.sep).join('/')}/index.js`) : OPENAI_PROGRAM;
    writeFileSync(path.join(v.dir, 'main.ts'), program);
    writeFileSync(path.join(v.dir, 'tsconfig.json'), tsconfig(v.skipLibCheck));
    const r = await tryMeasure(`tsc --noEmit, ${v.label}, skipLibCheck ${v.skipLibCheck}`, [BIN('tsc'), '-p', v.dir, '--extendedDiagnostics'], { warmup: plan.warmup, runs: plan.runsHeavy }, {
      // tsc exits 2 when the program has type errors; still measured, and the errors are reported.
      okCodes: [0, 1, 2],
      jsonReport: false,
      keepStdout: true,
    });
    const diag = r.m ? parseDiagnostics(String(r.m.reports.at(-1)?.stdout ?? '')) : undefined;
    if (diag?.errors) progress(`  ${diag.errors} type error(s), first: ${diag.firstError}`);
    results.set(v.key, { ...r, diag });
  }

  const tables: Table[] = [];
  const targets: Target[] = [];
  const data: Record<string, unknown> = {};
  for (const skipLibCheck of [false, true]) {
    const suffix = skipLibCheck ? 'skipLibCheck' : 'libCheck';
    const openai = results.get(`openai-${suffix}`)?.m;
    const rows = variants
      .filter((v) => v.skipLibCheck === skipLibCheck)
      .map((v) => {
        const r = results.get(v.key)!;
        data[v.key] = { measured: r.m, failed: r.failed, diagnostics: r.diag };
        if (!r.m) return [v.label, 'not measured', '', '', '', '', '', r.failed ?? ''];
        const d = r.diag;
        return [
          v.label,
          fmtMs(r.m.wallMs.median),
          fmtMs(d?.checkMs),
          fmtBytes(r.m.maxRssBytes?.median),
          d ? `${d.files ?? '?'} / ${fmtK(d.linesTs)} / ${fmtK(d.linesDts)}` : '',
          String(d?.errors ?? '?'),
          v.client === 'openai' ? '1×' : fmtRatio(openai ? r.m.wallMs.median / openai.wallMs.median : undefined),
          d?.firstError ? d.firstError.slice(0, 120) : '',
        ];
      });
    tables.push({
      caption: `**skipLibCheck: ${skipLibCheck}** (strict; same tsconfig for every program).`,
      headers: ['Client', 'tsc wall', 'Check time', 'Peak RSS', 'Files / TS lines / .d.ts lines', 'Errors', 'Wall ÷ openai', 'First error'],
      numeric: [1, 2, 3, 5, 6],
      rows,
    });
    const ours = results.get(`ours-${suffix}`)?.m;
    targets.push({
      name: `our tsc time ≤ openai's (skipLibCheck ${skipLibCheck})`,
      detail: ours && openai ? `${fmtMs(ours.wallMs.median)} vs ${fmtMs(openai.wallMs.median)} = ${fmtRatio(ours.wallMs.median / openai.wallMs.median)} (committed generated/)` : 'not measured',
      verdict: verdict(ours && openai ? ours.wallMs.median <= openai.wallMs.median : undefined),
    });
  }

  return {
    id: 'typecheck',
    title: '2. Type-check cost (`tsc --noEmit`)',
    method:
      'A 30-line program that creates a client and calls chat completions, plain and streamed, is written once against our generated client (`import { ChatApi, Configuration } from \'…/generated/src/index.js\'`) and once against `openai` (`client.chat.completions.create`), then checked by node_modules/.bin/tsc with the same tsconfig (strict, target ES2022, module NodeNext, lib ES2022+DOM, `types: []`), once with skipLibCheck false and once true. Each run is a fresh `tsc -p dir --extendedDiagnostics` process.',
    tables,
    notes: [
      'Our client is consumed as TypeScript source (`.ts`), so skipLibCheck does not skip it: every file reachable from `src/index.ts` is parsed and checked. `openai` ships `.d.ts` files, which skipLibCheck true skips.',
      'The full-spec row imports the same two names from the full-spec output written by section 1; its barrel `src/index.ts` re-exports every model, so tsc loads them all.',
    ],
    targets,
    data,
  };
}

function fmtK(n: number | undefined): string {
  if (n === undefined) return '?';
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : String(n);
}
