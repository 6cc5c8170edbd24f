/** Worker thread of `ReportWorker`: builds the story reports the main thread sends, one at a time. */
import { parentPort } from 'node:worker_threads';
import { buildStoryReport } from '../core/pipeline.js';
import type { BuildRequest, BuildReply } from './report-worker.js';

const port = parentPort;
if (!port) throw new Error('report-thread.ts runs as the worker thread of ReportWorker');

port.on('message', ({ id, story, options }: BuildRequest) => {
  let reply: BuildReply;
  try {
    reply = { id, report: buildStoryReport(story, options) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
