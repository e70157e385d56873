// The worker thread of the parse pool (parsePool.ts): parses the modules it is sent with
// TypeScript's parser and answers each batch with their facts. Plain JavaScript that loads the
// TypeScript sources through tsx, so the same file serves the bundled CLI and the tests.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { ModuleParser } = await tsImport('./moduleFacts.ts', import.meta.url);
const { loadTypeScript } = await tsImport('./typescript.ts', import.meta.url);
const parser = new ModuleParser();
loadTypeScript(); // now, while the main thread is still building the view

/** Batches finished, read by the main thread while it is too busy to hear answers. */
const finished = workerData.finished;

parentPort.on('message', ({ id, modules }) => {
  const facts = modules.map(([path, text]) => parser.factsOf(path, text));
  Atomics.add(finished, 0, 1);
  parentPort.postMessage({ id, facts });
});
