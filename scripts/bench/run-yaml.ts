// Child process: the floor for generation. Reads the spec (gunzipping a .gz, as our loader
// does) and parses it with the `yaml` package alone, default options, once.
//   run-yaml.ts parseDocument|parse <spec>
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import YAML from 'yaml';

const [mode, specPath] = process.argv.slice(2);
if ((mode !== 'parseDocument' && mode !== 'parse') || !specPath) {
  console.error('usage: run-yaml.ts parseDocument|parse <spec>');
  process.exit(2);
}

const t0 = performance.now();
const raw = readFileSync(specPath);
const text = (specPath.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
const t1 = performance.now();
let size: number;
if (mode === 'parseDocument') {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) throw doc.errors[0];
  size = (doc.contents as { items?: unknown[] } | null)?.items?.length ?? 0;
} else {
  const value = YAML.parse(text) as Record<string, unknown>;
  size = Object.keys(value).length;
}
const t2 = performance.now();
console.log(
  JSON.stringify({ mode, readMs: t1 - t0, parseMs: t2 - t1, ms: t2 - t0, topLevelKeys: size, bytes: text.length, sinceStartMs: t2, maxRssBytes: process.resourceUsage().maxRSS * 1024 }),
);
