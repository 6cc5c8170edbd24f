// A worker thread's first module when the code runs from source (see start-worker.ts): Node 20 worker
// threads do not inherit tsx's loader, so it registers it before importing the entry (`workerData.entry`).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
