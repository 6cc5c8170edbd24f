/**
 * Spreads evaluation tasks over worker threads (or runs them in this thread with `workers: 0`), keeping
 * two tasks in flight per worker so none waits for the reader. Results arrive in completion order.
 */
import { availableParallelism } from 'node:os';
import { ChorusError } from '../../core/errors.js';
import { getSummarizer } from '../../core/summarize/registry.js';
import type { EvalTask } from '../datasets/index.js';
import type { EvalSettings, ExampleResult } from './evaluate-example.js';
import { runTask } from './run-task.js';
import { startWorker } from '../../start-worker.js';
import type { WorkerInit } from './worker.js';

const IN_FLIGHT = 2;

async function runInProcess(
  tasks: AsyncIterable<EvalTask>,
  methods: readonly string[],
  settings: EvalSettings,
  onResult: (r: ExampleResult) => void,
): Promise<void> {
  const summarizers = methods.map((m) => getSummarizer(m));
  for await (const task of tasks) {
    onResult(runTask(task, summarizers, settings));
    // Let timers (the progress bar) run between examples.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Most worker threads started, whatever is asked: twice the cores. */
const MAX_WORKERS = 2 * availableParallelism();

/** Runs every task with `workers` threads and calls `onResult` for each result. */
export async function runPool(
  tasks: AsyncIterable<EvalTask>,
  options: { readonly methods: readonly string[]; readonly settings: EvalSettings; readonly workers: number },
  onResult: (r: ExampleResult) => void,
): Promise<void> {
  if (options.workers <= 0) return runInProcess(tasks, options.methods, options.settings, onResult);
  const init: WorkerInit = { methods: options.methods, settings: options.settings };
  // Threads beyond the cores only cost start-up (each loads the compiler and the models): 1,000 of them
  // took minutes to start before the first example was scored.
  const count = Math.min(options.workers, MAX_WORKERS);
  const workers = Array.from({ length: count }, () => ({
    worker: startWorker(new URL('./worker.ts', import.meta.url), init),
    inFlight: 0,
  }));
  let waiting: (() => void) | undefined;
  let failure: Error | undefined;
  let closing = false;
  const wake = () => {
    const w = waiting;
    waiting = undefined;
    w?.();
  };
  for (const w of workers) {
    w.worker.on('message', (result: ExampleResult) => {
      w.inFlight--;
      onResult(result);
      wake();
    });
    w.worker.on('error', (error: Error) => {
      failure ??= new ChorusError('internal', `an evaluation worker failed: ${error.message}`, {
        cause: error,
      });
      wake();
    });
    w.worker.on('exit', (code) => {
      if (!closing)
        failure ??= new ChorusError(
          'internal',
          `an evaluation worker stopped (exit code ${code}) with ${w.inFlight} example(s) unfinished`,
        );
      wake();
    });
  }
  const freeSlot = async () => {
    for (;;) {
      if (failure) throw failure;
      const free = workers.filter((w) => w.inFlight < IN_FLIGHT).sort((a, b) => a.inFlight - b.inFlight)[0];
      if (free) return free;
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };
  try {
    for await (const task of tasks) {
      const w = await freeSlot();
      w.inFlight++;
      w.worker.postMessage(task);
    }
    while (workers.some((w) => w.inFlight > 0)) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (waiting = resolve));
    }
    if (failure) throw failure;
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
