// npm run parity -- [--spec FILE] [--json OUT] [--ours DIR] [--ruby DIR] [--keep]
//
// Generates openapi-generator's Ruby client for the spec (or reads one already generated,
// --ruby DIR), generates ours (or reads --ours DIR), and prints how far our API classes,
// operations, models and docs match theirs. The full lists go to the JSON file
// (default tmp/parity.json).

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../generator/files.ts';
import { pinnedGeneratorVersion } from '../generator/oracle/jar.ts';
import { generateRubyClient } from '../generator/oracle/openapiGenerator.ts';
import { OracleUnavailableError, OpenApiGeneratorError } from '../generator/errors.ts';
import { compareInventories, formatParityTable, readOursInventory, readRubyInventory } from '../generator/oracle/parity.ts';

const USAGE = 'usage: npm run parity -- [--spec FILE] [--json OUT] [--ours DIR] [--ruby DIR] [--keep]';

interface GenerateFn {
  (opts: { specPath: string; outDir: string }): Promise<unknown>;
}

/** Our generator's entry point, loaded at run time so this script works before it exists. */
async function loadGenerate(): Promise<GenerateFn> {
  const file = path.join(REPO_ROOT, 'generator', 'pipeline.ts');
  if (!existsSync(file)) throw new UsageError('generator/pipeline.ts does not exist yet: pass --ours DIR with a generated tree.');
  const mod = (await import(pathToFileURL(file).href)) as { generate?: unknown };
  if (typeof mod.generate !== 'function') {
    throw new UsageError('generator/pipeline.ts exports no generate() function: pass --ours DIR with a generated tree.');
  }
  return mod.generate as GenerateFn;
}

class UsageError extends Error {}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        spec: { type: 'string' },
        json: { type: 'string' },
        ours: { type: 'string' },
        ruby: { type: 'string' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const specPath = path.resolve(values.spec ?? path.join(REPO_ROOT, 'spec', 'openapi.yaml'));
  const jsonOut = path.resolve(values.json ?? path.join(REPO_ROOT, 'tmp', 'parity.json'));
  if (!existsSync(specPath)) throw new UsageError(`Spec file not found: ${specPath}`);
  if (values.ours && !existsSync(values.ours)) throw new UsageError(`--ours folder not found: ${values.ours}`);
  if (values.ruby && !existsSync(values.ruby)) throw new UsageError(`--ruby folder not found: ${values.ruby}`);

  const work = await mkdtemp(path.join(os.tmpdir(), 'parity-'));
  const notes: string[] = [];
  try {
    const generateOurs = values.ours ? undefined : await loadGenerate();
    const rubyDir = values.ruby ? path.resolve(values.ruby) : path.join(work, 'ruby');
    let rubyMs: number | undefined;
    if (values.ruby) notes.push(`Ruby tree read from ${rubyDir}`);
    else {
      const r = await generateRubyClient(specPath, rubyDir);
      rubyMs = r.ms;
      if (r.droppedWebhooks) notes.push('webhooks left out of the Ruby run (openapi-generator would write them over the untagged DefaultApi)');
    }

    const oursDir = values.ours ? path.resolve(values.ours) : path.join(work, 'ours');
    let oursMs: number | undefined;
    if (generateOurs) {
      const started = performance.now();
      await generateOurs({ specPath, outDir: oursDir });
      oursMs = Math.round(performance.now() - started);
    }

    const [ruby, ours] = await Promise.all([readRubyInventory(rubyDir), readOursInventory(oursDir)]);
    const report = compareInventories(ruby, ours);
    const generatorVersion = pinnedGeneratorVersion();

    console.log(`spec: ${path.relative(process.cwd(), specPath) || specPath}`);
    console.log(
      `openapi-generator ${generatorVersion} (ruby): ${rubyMs === undefined ? 'not run' : seconds(rubyMs)}` +
        `; ours: ${oursMs === undefined ? 'not run' : seconds(oursMs)}`,
    );
    for (const n of notes) console.log(`note: ${n}`);
    console.log('');
    console.log(formatParityTable(report));

    await mkdir(path.dirname(jsonOut), { recursive: true });
    const json = {
      spec: specPath,
      generatorVersion,
      timings: { openapiGeneratorMs: rubyMs ?? null, oursMs: oursMs ?? null },
      notes,
      ...report,
    };
    await writeFile(jsonOut, JSON.stringify(json, null, 2) + '\n');
    console.log(`\nfull lists: ${path.relative(process.cwd(), jsonOut) || jsonOut}`);
    if (values.keep) console.log(`kept: ${work}`);
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  if (e instanceof OracleUnavailableError || e instanceof UsageError || e instanceof OpenApiGeneratorError) {
    console.error(`parity: ${e.message}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
