// Parsing the modules of a large tree in a worker thread (parseWorker.mjs) while the main thread
// renders the next ones and then writes them. On Microsoft Graph beta (~11,000 modules, 78 MB of
// TypeScript) parsing in-process was the largest stage (about 10 s), and its garbage was
// collected in the main thread's large heap.
//
// One worker while the main thread renders (both cores busy); a second one joins when render is
// done if much is left, so both cores parse while the main thread only writes. Small trees are
// parsed in-process: starting a worker (about 0.5 s with TypeScript) would cost more than it saves.
//
// Memory stays bounded: at most MAX_IN_FLIGHT batches are copied to each worker at a time. The
// main thread, busy rendering, cannot hear the workers' answers, so each worker also counts the
// batches it has finished in shared memory, which the main thread reads before posting more.
import { availableParallelism } from 'node:os';
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
/**
 * A spec this large nearly always renders a tree of PARALLEL_MIN_MODULES or more (Graph beta,
 * 47 MB: ~11,000 modules; v1.0, 20 MB: ~4,900).
 */
export const PARALLEL_LIKELY_MIN_SPEC_BYTES = 32 * 1024 * 1024;
/**
 * The worker's young generation. Each parse makes a module's syntax tree, garbage once its facts
 * are read; with V8's default, much of it was promoted and collected again (Graph beta: the
 * worker's collections took 2.3 s of its 15 s, 1.2 s with this).
 */
const WORKER_YOUNG_GENERATION_MB = 96;
/** A batch holds about this many characters of source. */
export const BATCH_CHARS = 1_000_000;
/**
 * Batches posted to a worker and not yet finished: enough that it has work while the main thread
 * builds the next views (it can post only when it renders), few enough that little is copied.
 */
const MAX_IN_FLIGHT = 4;
/** Batches still waiting when render ends for a second worker to be worth starting (its start costs about 0.5 s). */
const SECOND_WORKER_MIN_BATCHES = 8;
/** A worker that answers nothing for this long is given up on (the main thread then parses). */
export const STALL_MS = 120_000;

type Module = [path: string, text: string];

export interface ParsedModule {
  /** The text the facts are for (the caller checks it is still the module's text). */
  text: string;
  facts: ModuleFacts;
}

/** One worker thread and the batches it has been sent. */
interface Lane {
  worker: Worker;
  /** Batches the worker has finished, counted by the worker in shared memory. */
  finished: Int32Array;
  posted: number;
}

/**
 * Takes modules one by one as they are rendered and has worker threads parse them in batches.
 * `results()` gives the facts of every module added; a worker failure rejects it (the caller then
 * parses in-process). The workers are stopped either way.
 */
export class ParsePool {
  private readonly lanes: Lane[] = [];
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
    private readonly workerUrl: URL = WORKER,
    private readonly stallMs = STALL_MS,
    private readonly maxWorkers = Math.min(2, availableParallelism()),
  ) {
    this.startWorker();
  }

  /** Batches sent to the workers so far. */
  get postedBatches(): number {
    return this.nextId;
  }

  /** Worker threads started. */
  get workers(): number {
    return this.lanes.length;
  }

  /** Queues a module (again only if its text changed); a full batch goes to a worker as soon as one has room. */
  add(path: string, text: string): void {
    if (this.failure || this.added.get(path) === text) return;
    this.added.set(path, text);
    this.filling.push([path, text]);
    this.fillingChars += text.length;
    if (this.fillingChars >= this.batchChars) this.seal();
  }

  /** The facts of every module added, by path. Stops the workers. */
  async results(): Promise<Map<string, ParsedModule>> {
    if (this.filling.length > 0) this.seal();
    try {
      // Render is over: the main thread now only writes, so another core can parse.
      if (this.waiting.length >= SECOND_WORKER_MIN_BATCHES && this.lanes.length < this.maxWorkers) this.startWorker();
      while (!this.failure && this.answered < this.nextId + this.waiting.length) await this.nextAnswer();
      if (this.failure) throw this.failure;
      const out = new Map<string, ParsedModule>();
      for (const [path, text] of this.added) out.set(path, { text, facts: this.facts.get(path)! });
      return out;
    } finally {
      this.close();
    }
  }

  close(): void {
    this.failure ??= new Error('the parse pool is closed');
    for (const lane of this.lanes) void lane.worker.terminate();
  }

  private startWorker(): void {
    const finished = new Int32Array(new SharedArrayBuffer(4));
    const lane: Lane = { worker: new Worker(this.workerUrl, { workerData: { finished }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }), finished, posted: 0 };
    this.lanes.push(lane);
    lane.worker.on('message', (reply: { id?: unknown; facts?: unknown }) => this.receive(reply));
    lane.worker.on('error', (err) => this.fail(err));
    lane.worker.on('exit', (code) => this.fail(new Error(`a parse worker stopped (exit code ${code})`)));
    lane.worker.unref(); // the main thread's exit does not wait for it
    this.post();
  }

  /** Resolves at a worker's next answer or failure; workers silent for stallMs have failed. */
  private nextAnswer(): Promise<void> {
    return new Promise<void>((resolve) => {
      const stalled = setTimeout(() => this.fail(new Error(`the parse workers answered nothing for ${this.stallMs / 1000} s`)), this.stallMs);
      this.wake = () => {
        clearTimeout(stalled);
        resolve();
      };
    });
  }

  private seal(): void {
    this.waiting.push(this.filling);
    this.filling = [];
    this.fillingChars = 0;
    this.post();
  }

  /** Posts waiting batches to each worker with fewer than MAX_IN_FLIGHT unfinished. */
  private post(): void {
    for (const lane of this.lanes) {
      while (!this.failure && this.waiting.length > 0 && lane.posted - Atomics.load(lane.finished, 0) < MAX_IN_FLIGHT) {
        const batch = this.waiting.shift()!;
        const id = this.nextId++;
        this.posted.set(id, batch);
        lane.posted++;
        lane.worker.postMessage({ id, modules: batch });
      }
    }
  }

  private receive(reply: { id?: unknown; facts?: unknown }): void {
    const batch = typeof reply.id === 'number' ? this.posted.get(reply.id) : undefined;
    if (!batch || !Array.isArray(reply.facts) || reply.facts.length !== batch.length) return this.fail(new Error('a parse worker sent a message that is not an answer'));
    // Batches of one module can be answered out of order by two workers: a later text of it wins.
    batch.forEach(([path, text], i) => {
      if (this.added.get(path) === text) this.facts.set(path, (reply.facts as ModuleFacts[])[i]!);
    });
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
