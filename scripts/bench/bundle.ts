// Section 4: what a browser or edge bundle pays. esbuild bundles a tiny program that makes
// one chat completion call, with our client or with `openai`; bytes raw, minified, gzipped.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, version as esbuildVersion, type Platform } from 'esbuild';
import { ensureDir, fmtBytes, fmtRatio, progress, REPO_ROOT, WORK_DIR } from './common.ts';
import { verdict, type Section, type Table, type Target } from './report.ts';

const OURS = (from: string) => `import { ChatApi, Configuration } from '${from}';

const api = new ChatApi(new Configuration({ accessToken: 'sk-test' }));
const completion = await api.createChatCompletion({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello.' }] });
console.log(completion.choices[0]?.message.content);
`;

const OPENAI = `import OpenAI from 'openai';

const client = new OpenAI({ apiKey: 'sk-test', dangerouslyAllowBrowser: true });
const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello.' }] });
console.log(completion.choices[0]?.message.content);
`;

interface Sizes {
  raw: number;
  min: number;
  gzip: number;
  rawGzip: number;
  inputs: number;
}

async function bundle(entry: string, platform: Platform): Promise<Sizes> {
  const common = { entryPoints: [entry], bundle: true, format: 'esm' as const, platform, treeShaking: true, target: 'es2022', write: false, logLevel: 'silent' as const, metafile: true };
  const raw = await build({ ...common, minify: false });
  const min = await build({ ...common, minify: true });
  const rawBytes = raw.outputFiles![0]!.contents;
  const minBytes = min.outputFiles![0]!.contents;
  return {
    raw: rawBytes.length,
    min: minBytes.length,
    gzip: gzipSync(minBytes, { level: 9 }).length,
    rawGzip: gzipSync(rawBytes, { level: 9 }).length,
    inputs: Object.keys(min.metafile!.inputs).length,
  };
}

export async function runBundle(oursFullOut: string | undefined): Promise<Section> {
  const dir = ensureDir(path.join(WORK_DIR, 'bundle'));
  const rel = (target: string) => `${path.relative(dir, target).split(path.sep).join('/')}/index.js`;
  const entries: Array<{ key: string; label: string; file: string; text: string }> = [
    { key: 'ours', label: 'ours: generated/ (Chat spec)', file: path.join(dir, 'ours.ts'), text: OURS(rel(path.join(REPO_ROOT, 'generated', 'src'))) },
  ];
  if (oursFullOut && existsSync(path.join(oursFullOut, 'src', 'index.ts'))) {
    entries.push({ key: 'oursFull', label: 'ours: full-spec output', file: path.join(dir, 'ours-full.ts'), text: OURS(rel(path.join(oursFullOut, 'src'))) });
  }
  entries.push({ key: 'openai', label: 'openai package', file: path.join(dir, 'openai.ts'), text: OPENAI });

  const results: Record<string, Partial<Record<Platform, Sizes | { failed: string }>>> = {};
  for (const e of entries) {
    writeFileSync(e.file, e.text);
    results[e.key] = {};
    for (const platform of ['browser', 'neutral'] as Platform[]) {
      try {
        results[e.key]![platform] = await bundle(e.file, platform);
      } catch (err) {
        const message = (err as Error).message.split('\n').slice(0, 3).join(' ');
        progress(`esbuild ${e.key} (${platform}) failed: ${message}`);
        results[e.key]![platform] = { failed: message };
      }
    }
  }
  const sizes = (key: string, platform: Platform): Sizes | undefined => {
    const r = results[key]?.[platform];
    return r && 'raw' in r ? r : undefined;
  };

  const tables: Table[] = (['browser', 'neutral'] as Platform[]).map((platform) => {
    const openai = sizes('openai', platform);
    return {
      caption: `**platform: ${platform}** (esbuild ${esbuildVersion}: bundle, tree-shake, format esm, target es2022; gzip = zlib level 9).`,
      headers: ['Client', 'Raw', 'Raw gzip', 'Minified', 'Minified + gzip', 'Modules in bundle', 'min+gzip ÷ openai'],
      numeric: [1, 2, 3, 4, 5, 6],
      rows: entries.map((e) => {
        const s = sizes(e.key, platform);
        if (!s) {
          const r = results[e.key]?.[platform];
          return [e.label, 'failed', '', '', '', '', r && 'failed' in r ? r.failed.slice(0, 120) : ''];
        }
        return [e.label, fmtBytes(s.raw), fmtBytes(s.rawGzip), fmtBytes(s.min), fmtBytes(s.gzip), String(s.inputs), e.key === 'openai' ? '1×' : fmtRatio(openai ? s.gzip / openai.gzip : undefined)];
      }),
    };
  });

  const ours = sizes('ours', 'browser');
  const openai = sizes('openai', 'browser');
  const targets: Target[] = [
    {
      name: 'bundle ≤ 1/5 of openai\'s',
      detail:
        ours && openai
          ? `min+gzip ${fmtBytes(ours.gzip)} vs ${fmtBytes(openai.gzip)} = ${fmtRatio(ours.gzip / openai.gzip)} (limit 0.20×); minified ${fmtRatio(ours.min / openai.min)}`
          : 'not measured',
      verdict: verdict(ours && openai ? ours.gzip * 5 <= openai.gzip : undefined),
    },
  ];
  return {
    id: 'bundle',
    title: '4. Bundle size',
    method:
      'A four-line program that imports only `ChatApi` + `Configuration` (ours, from the package index) or the default `OpenAI` export and makes one `createChatCompletion` / `chat.completions.create` call, bundled by esbuild from bench/.work/bundle. The target is judged on minified + gzipped bytes for the browser platform.',
    tables,
    notes: ['The full-spec row shows that tree-shaking removes the 2,000+ unused models and APIs behind the same index (generated package.json says `"sideEffects": false`; type-only modules vanish anyway).'],
    targets,
    data: { esbuild: esbuildVersion, results },
  };
}
