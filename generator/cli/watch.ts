// --watch: regenerate a client when its spec changes, and every client when a template does.
// Saves come in bursts (an editor writes, renames, touches), so runs wait for a quiet moment;
// one run at a time, and a change seen during a run schedules one more.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ClientJob } from '../config/config.ts';
import { isWithin } from '../paths.ts';
import { forgetCompiledTemplates, TEMPLATES_DIR } from '../render/render.ts';

export interface WatchOptions {
  /** Quiet time after the last change before a run starts. */
  debounceMs?: number;
  templatesDir?: string;
  /** A watcher failed (its folder was removed, say), or a run threw. */
  onError?: (message: string) => void;
}

export interface Watching {
  /** Stops watching and resolves once a run in progress has finished. */
  close(): Promise<void>;
}

export function watchClients(jobs: ClientJob[], regenerate: (job: ClientJob) => Promise<void>, options: WatchOptions = {}): Watching {
  const debounceMs = options.debounceMs ?? 200;
  const pending = new Set<ClientJob>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const schedule = (changed: Iterable<ClientJob>) => {
    if (closed) return;
    for (const job of changed) pending.add(job);
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const flush = () => {
    if (running || pending.size === 0) return; // the run in progress reschedules when it ends
    const batch = [...pending];
    pending.clear();
    running = (async () => {
      for (const job of batch) {
        if (closed) break;
        // A bug in one run is reported; watching goes on.
        await regenerate(job).catch((err: unknown) => options.onError?.(err instanceof Error ? (err.stack ?? err.message) : String(err)));
      }
    })().finally(() => {
      running = undefined;
      if (pending.size > 0) schedule([]);
    });
  };

  // A folder, not the file: editors often save by writing a new file and renaming it over
  // the old one, which a watch on the file itself would stop seeing. The folder's tree, too:
  // the files of a multi-file spec lie below its root file's folder (the loader reads no others).
  const specFolders = [...new Set(jobs.map((job) => dirname(job.specPath)))];
  const watchers: FSWatcher[] = specFolders.map((folder) => {
    const inFolder = jobs.filter((job) => dirname(job.specPath) === folder);
    // A project's root holds node_modules: watching all of it would cost a watch per folder.
    const recursive = !existsSync(join(folder, 'node_modules')) && !existsSync(join(folder, '.git'));
    return watch(folder, { recursive }, (_event, file) => schedule(file === null ? inFolder : concerned(join(folder, file), inFolder, jobs)));
  });
  watchers.push(
    watch(options.templatesDir ?? TEMPLATES_DIR, { recursive: true }, () => {
      forgetCompiledTemplates();
      schedule(jobs);
    }),
  );
  for (const watcher of watchers) watcher.on('error', (err) => options.onError?.(`watching stopped for a folder: ${err.message}`));

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await running;
    },
  };
}

const SPEC_PART = /\.(ya?ml|json)(\.gz)?$/i;

/**
 * The clients a changed file concerns: the one whose root spec it is; for another YAML or JSON
 * file (a part of a multi-file spec), every client of that folder. Output folders, their
 * staging siblings, node_modules and hidden folders never count: writing output must not
 * start another run.
 */
function concerned(path: string, inFolder: ClientJob[], all: ClientJob[]): ClientJob[] {
  const root = inFolder.filter((job) => job.specPath === path);
  if (root.length > 0) return root;
  if (!SPEC_PART.test(path) || all.some((job) => isWithin(job.outDir, path))) return [];
  const parts = relative(dirname(inFolder[0]!.specPath), path).split(sep);
  return parts.some((part) => part === 'node_modules' || part.startsWith('.')) ? [] : inFolder;
}
