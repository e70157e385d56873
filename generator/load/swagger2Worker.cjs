// Runs swagger2openapi (promise-based) off the main thread so the load stage stays synchronous:
// the result is posted on the given port, then the shared flag wakes the waiting loader.
'use strict';
const { workerData } = require('node:worker_threads');
const { convertObj } = require('swagger2openapi');

// The converter reports on the console; the loader owns what the user sees.
console.warn = console.log = console.error = () => {};

const { document, port, flag } = workerData;
convertObj(document, { patch: true, warnOnly: true, direct: true, resolve: false })
  .then(
    (openapi) => port.postMessage({ openapi }),
    (err) => port.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  )
  .finally(() => {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
