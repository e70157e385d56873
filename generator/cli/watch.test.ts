// Real file changes in a temporary folder; each wait is bounded, and every watcher is closed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test/helpers.ts';
import type { ClientJob } from '../config/config.ts';
import { watchClients, type Watching } from './watch.ts';

const DEBOUNCE = 100;
const SETTLE = DEBOUNCE * 4; // long enough for a stray second run to show up

function project() {
  const dir = tempDir('watch');
  const templates = join(dir, 'templates');
  mkdirSync(join(templates, 'partials'), { recursive: true });
  const job = (name: string): ClientJob => ({ name, specPath: join(dir, `${name}.yaml`), outDir: join(dir, `out-${name}`), package: {} });
  const a = job('a');
  const b = job('b');
  for (const j of [a, b]) writeFileSync(j.specPath, 'openapi: 3.1.0\n');
  return { dir, templates, a, b };
}

let watching: Watching | undefined;
afterEach(async () => {
  await watching?.close();
  watching = undefined;
});

describe('watch mode', () => {
  it('a save of another file of a multi-file spec (below the spec folder) regenerates its clients; output and other files do not', { timeout: 20_000 }, async () => {
    const { dir, templates, a, b } = project();
    mkdirSync(join(dir, 'schemas'));
    mkdirSync(join(a.outDir, 'src'), { recursive: true });
    const runs: string[] = [];
    watching = watchClients([a, b], async (job) => void runs.push(job.name), { debounceMs: DEBOUNCE, templatesDir: templates });
    await sleep(SETTLE); // the recursive watch is set up asynchronously
    writeFileSync(join(dir, 'schemas/pet.yaml'), 'type: object\n');
    await vi.waitFor(() => expect(runs.sort()).toEqual(['a', 'b']), { timeout: 5000 });
    runs.length = 0;
    writeFileSync(join(a.outDir, 'src/package.json'), '{}');
    writeFileSync(join(dir, 'schemas/notes.txt'), 'not a spec');
    await sleep(SETTLE);
    expect(runs).toEqual([]);
  });


  it('runs once per burst of saves, only for the client whose spec changed, and sees editors that save by renaming', { timeout: 20_000 }, async () => {
    const { dir, templates, a, b } = project();
    const runs: string[] = [];
    watching = watchClients([a, b], async (job) => void runs.push(job.name), { debounceMs: DEBOUNCE, templatesDir: templates });
    for (let i = 0; i < 5; i++) writeFileSync(a.specPath, `openapi: 3.1.0\n# save ${i}\n`);
    await vi.waitFor(() => expect(runs).toEqual(['a']), { timeout: 5000 });
    await sleep(SETTLE);
    expect(runs).toEqual(['a']);

    writeFileSync(join(dir, 'notes.txt'), 'not a spec');
    await sleep(SETTLE);
    expect(runs).toEqual(['a']);

    writeFileSync(join(dir, '.b.yaml.swp'), 'openapi: 3.1.0\n# renamed over\n');
    renameSync(join(dir, '.b.yaml.swp'), b.specPath);
    await vi.waitFor(() => expect(runs).toEqual(['a', 'b']), { timeout: 5000 });
  });

  it('a template change regenerates every client; a change during a run schedules one more run', { timeout: 20_000 }, async () => {
    const { templates, a, b } = project();
    const runs: string[] = [];
    let changeDuringRun = true;
    watching = watchClients(
      [a, b],
      async (job) => {
        runs.push(job.name);
        if (changeDuringRun) {
          changeDuringRun = false;
          writeFileSync(a.specPath, 'openapi: 3.1.0\n# saved while generating\n');
          await sleep(SETTLE);
        }
      },
      { debounceMs: DEBOUNCE, templatesDir: templates },
    );
    writeFileSync(join(templates, 'partials/docBlock.hbs'), '{{summary}}\n');
    await vi.waitFor(() => expect(runs).toEqual(['a', 'b', 'a']), { timeout: 8000 });
    await sleep(SETTLE);
    expect(runs).toEqual(['a', 'b', 'a']);
  });

  it('close waits for the run in progress and nothing runs after it', { timeout: 20_000 }, async () => {
    const { templates, a } = project();
    const runs: string[] = [];
    let finished = false;
    const w = watchClients([a], async () => {
      runs.push('started');
      await sleep(SETTLE);
      finished = true;
    }, { debounceMs: DEBOUNCE, templatesDir: templates });
    writeFileSync(a.specPath, 'openapi: 3.1.0\n# one\n');
    await vi.waitFor(() => expect(runs).toEqual(['started']), { timeout: 5000 });
    await w.close();
    expect(finished).toBe(true);
    writeFileSync(a.specPath, 'openapi: 3.1.0\n# after close\n');
    await sleep(SETTLE);
    expect(runs).toEqual(['started']);
  });

  it('a run that throws is reported and watching goes on', { timeout: 20_000 }, async () => {
    const { templates, a } = project();
    const errors: string[] = [];
    let runs = 0;
    watching = watchClients([a], async () => {
      runs++;
      if (runs === 1) throw new Error('generator bug');
    }, { debounceMs: DEBOUNCE, templatesDir: templates, onError: (message) => errors.push(message) });
    writeFileSync(a.specPath, 'openapi: 3.1.0\n# one\n');
    await vi.waitFor(() => expect(errors.join('\n')).toContain('generator bug'), { timeout: 5000 });
    writeFileSync(a.specPath, 'openapi: 3.1.0\n# two\n');
    await vi.waitFor(() => expect(runs).toBe(2), { timeout: 5000 });
  });
});
