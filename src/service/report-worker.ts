/**
 * Story reports built off the main thread. A report takes milliseconds for a usual story but seconds for
 * a huge one (a multi-megabyte page, thousands of articles), and it is rebuilt each time an article
 * joins its story; built on the server's event loop, that held every other request meanwhile. One worker
 * thread builds them in turn (the ingest service asks for one at a time anyway), so pages and the API
 * stay answered while a report is being built.
 *
 * A build that throws answers with its message; a thread that dies (out of memory on a hostile story)
 * fails the builds it held and is started again for the next one, so one bad story never stops the rest.
 */
import type { Worker } from 'node:worker_threads';
import type { Story, StoryReport } from '../core/model.js';
import type { PipelineOptions } from '../core/pipeline.js';
import { startWorker } from '../start-worker.js';

/** Builds one story's report; in this thread (`buildStoryReport`) or in a worker (`ReportWorker`). */
export type BuildReport = (story: Story, options: PipelineOptions) => Promise<StoryReport>;

export interface BuildRequest {
  readonly id: number;
  readonly story: Story;
  readonly options: PipelineOptions;
}

export type BuildReply =
  { readonly id: number; readonly report: StoryReport } | { readonly id: number; readonly error: string };

interface Pending {
  resolve(report: StoryReport): void;
  reject(error: Error): void;
}

export class ReportWorker {
  private thread: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  /** Builds `story`'s report in the worker thread (started on first use, again after it died). */
  readonly build: BuildReport = (story, options) => {
    if (this.closed) return Promise.reject(new Error('the report worker is closed'));
    const id = this.nextId++;
    const thread = this.running();
    // Held while a build is pending, so that a process awaiting only a report does not exit under it.
    thread.ref();
    return new Promise<StoryReport>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      thread.postMessage({ id, story, options } satisfies BuildRequest);
    });
  };

  /** Stops the thread; builds still pending fail. */
  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = undefined;
    this.failAll('the report worker was closed');
    await thread?.terminate();
  }

  private running(): Worker {
    if (this.thread) return this.thread;
    const thread = startWorker(new URL('./report-thread.ts', import.meta.url));
    thread.on('message', (reply: BuildReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('report' in reply) pending?.resolve(reply.report);
      else pending?.reject(new Error(reply.error));
      // An idle worker must not keep a finished process (a test, a one-off ingest) alive.
      if (this.pending.size === 0) thread.unref();
    });
    const died = (why: string) => {
      if (this.thread !== thread) return;
      this.thread = undefined;
      this.failAll(why);
    };
    thread.on('error', (error: Error) => died(`the report worker failed: ${error.message}`));
    thread.on('exit', (code) => died(`the report worker stopped (exit code ${code})`));
    this.thread = thread;
    return thread;
  }

  private failAll(why: string): void {
    for (const p of this.pending.values()) p.reject(new Error(why));
    this.pending.clear();
  }
}
