/** Worker thread of the evaluation runner: summarizes and scores the examples the main thread sends. */
import { parentPort, workerData } from 'node:worker_threads';
import { getSummarizer } from '../../core/summarize/registry.js';
import type { EvalTask } from '../datasets/index.js';
import type { EvalSettings } from './evaluate-example.js';
import { runTask } from './run-task.js';

export interface WorkerInit {
  readonly methods: readonly string[];
  readonly settings: EvalSettings;
}

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread of the evaluation runner');
const { methods, settings } = workerData as WorkerInit;
const summarizers = methods.map((m) => getSummarizer(m));

port.on('message', (task: EvalTask) => port.postMessage(runTask(task, summarizers, settings)));
