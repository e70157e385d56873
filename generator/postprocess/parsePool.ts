// Parsing the modules of a large tree in a worker thread (parseWorker.mjs) while the main thread
// renders the next ones and then writes them. On Microsoft Graph beta (~11,000 modules, 78 MB of
// TypeScript) parsing in-process was the largest stage (about 10 s), and its garbage was
// collected in the main thread's large heap.
//
// One worker: two workers in the same process parsed no faster here than one thread (8.4 to
// 10.4 s against 9.4 s; both allocate from one address space). Small trees are parsed
// in-process: starting a worker (about 0.5 s with TypeScript) would cost more than it saves.
//
// Memory stays bounded: at most MAX_IN_FLIGHT batches are copied to the worker at a time. The
// main thread, busy rendering, cannot hear the worker's answers, so the worker also counts the
// batches it has finished in shared memory, which the main thread reads before posting more.
import { Worker } from 'node:worker_threads';
import type { ModuleFacts } from './moduleFacts.ts';

const WORKER = new URL('./parseWorker.mjs', import.meta.url);

/**
 * A tree expected to have fewer TypeScript modules than this is parsed in-process. The worker
 * costs memory (its own heap and copy of TypeScript: 80 to 150 MB at Graph's sizes) and about
 * 0.5 s to start; it pays where parsing is long (Graph beta: ~11,000 modules, ~10 s) and where
 * memory is already bounded by the spec's size (Graph v1.0, ~4,900 modules, stays in-process).
 */
export const PARALLEL_MIN_MODULES = 8_000;
/** A batch holds about this many characters of source. */
export const BATCH_CHARS = 1_000_000;
/** Batches posted to the worker and not yet finished: one it parses, one waiting. */
const MAX_IN_FLIGHT = 2;
/** A worker that answers nothing for this long is given up on (the main thread then parses). */
export const STALL_MS = 120_000;

type Module = [path: string, text: string];

export interface ParsedModule {
  /** The text the facts are for (the caller checks it is still the module's text). */
  text: string;
  facts: ModuleFacts;
}

/**
 * Takes modules one by one as they are rendered and has a worker thread parse them in batches.
 * `results()` gives the facts of every module added; a worker failure rejects it (the caller then
 * parses in-process). The worker is stopped either way.
 */
export class ParsePool {
  private readonly worker: Worker;
  /** Batches the worker has finished, counted by the worker. */
  private readonly finished = new Int32Array(new SharedArrayBuffer(4));
  private readonly added = new Map<string, string>();
  private readonly facts = new Map<string, ModuleFacts>();
  /** Full batches not yet posted. */
  private readonly waiting: Module[][] = [];
  /** Batches posted, by id, until answered. */
  private readonly posted = new Map<number, Module[]>();
  private nextId = 0;
  private answered = 0;
  private filling: Module[] = [];
  private fillingChars = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly batchChars = BATCH_CHARS,
    workerUrl: URL = WORKER,
    private readonly stallMs = STALL_MS,
  ) {
    this.worker = new Worker(workerUrl, { workerData: { finished: this.finished } });
    this.worker.on('message', (reply: { id?: unknown; facts?: unknown }) => this.receive(reply));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the parse worker stopped (exit code ${code})`)));
    this.worker.unref(); // the main thread's exit does not wait for it
  }

  /** Batches sent to the worker so far. */
  get postedBatches(): number {
    return this.nextId;
  }

  /** Queues a module (again only if its text changed); a full batch goes to the worker as soon as it has room. */
  add(path: string, text: string): void {
    if (this.failure || this.added.get(path) === text) return;
    this.added.set(path, text);
    this.filling.push([path, text]);
    this.fillingChars += text.length;
    if (this.fillingChars >= this.batchChars) this.seal();
  }

  /** The facts of every module added, by path. Stops the worker. */
  async results(): Promise<Map<string, ParsedModule>> {
    if (this.filling.length > 0) this.seal();
    try {
      while (!this.failure && this.answered < this.nextId + this.waiting.length) await this.nextAnswer();
      if (this.failure) throw this.failure;
      const out = new Map<string, ParsedModule>();
      for (const [path, text] of this.added) out.set(path, { text, facts: this.facts.get(path)! });
      return out;
    } finally {
      this.close();
    }
  }

  /** Resolves at the worker's next answer or failure; a worker silent for stallMs has failed. */
  private nextAnswer(): Promise<void> {
    return new Promise<void>((resolve) => {
      const stalled = setTimeout(() => this.fail(new Error(`the parse worker answered nothing for ${this.stallMs / 1000} s`)), this.stallMs);
      this.wake = () => {
        clearTimeout(stalled);
        resolve();
      };
    });
  }

  close(): void {
    this.failure ??= new Error('the parse pool is closed');
    void this.worker.terminate();
  }

  private seal(): void {
    this.waiting.push(this.filling);
    this.filling = [];
    this.fillingChars = 0;
    this.post();
  }

  /** Posts waiting batches while fewer than MAX_IN_FLIGHT are unfinished. */
  private post(): void {
    while (!this.failure && this.waiting.length > 0 && this.nextId - Atomics.load(this.finished, 0) < MAX_IN_FLIGHT) {
      const batch = this.waiting.shift()!;
      const id = this.nextId++;
      this.posted.set(id, batch);
      this.worker.postMessage({ id, modules: batch });
    }
  }

  private receive(reply: { id?: unknown; facts?: unknown }): void {
    const batch = typeof reply.id === 'number' ? this.posted.get(reply.id) : undefined;
    if (!batch || !Array.isArray(reply.facts) || reply.facts.length !== batch.length) return this.fail(new Error('the parse worker sent a message that is not an answer'));
    batch.forEach(([path], i) => this.facts.set(path, (reply.facts as ModuleFacts[])[i]!));
    this.posted.delete(reply.id as number);
    this.answered++;
    this.post();
    this.wake?.();
  }

  private fail(err: unknown): void {
    this.failure ??= err instanceof Error ? err : new Error(String(err));
    this.wake?.();
  }
}
