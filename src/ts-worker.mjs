// Starts a TypeScript worker entry when the code runs from source (tsx, vitest): Node 20 worker threads
// do not inherit tsx's loader, so the worker registers it before importing its entry (`workerData.entry`).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
