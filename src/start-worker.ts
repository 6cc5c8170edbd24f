/**
 * Starts a worker thread from its TypeScript entry, the one way for every worker of the project (the
 * evaluation pool, the report builder). Built, the entry's compiled `.js` file runs directly; from source
 * (tsx, vitest), Node 20 worker threads do not inherit tsx's loader, so `ts-worker.mjs` registers it and
 * then imports the entry, which it finds as `workerData.entry`.
 * @example startWorker(new URL('./worker.ts', import.meta.url), { methods: ['lead'] })
 */
import { Worker } from 'node:worker_threads';

export function startWorker(entry: URL, workerData: object = {}): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL(entry.href.replace(/\.ts$/, '.js')), { workerData });
  return new Worker(new URL('./ts-worker.mjs', import.meta.url), {
    workerData: { ...workerData, entry: entry.href },
  });
}
