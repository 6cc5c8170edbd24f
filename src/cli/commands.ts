/** The list of commands. Each file exports `register(program)`. */
import type { Command } from 'commander';
import { register as registerCluster } from './cluster.js';
import { register as registerEntities } from './entities.js';
import { register as registerEval } from './eval.js';
import { register as registerExtract } from './extract.js';
import { register as registerFeeds } from './feeds.js';
import { register as registerIngest } from './ingest.js';
import { register as registerQuotes } from './quotes.js';
import { register as registerPairs } from './pairs.js';
import { register as registerServe } from './serve.js';
import { register as registerStart } from './start.js';
import { register as registerSummarize } from './summarize.js';
import { register as registerWorker } from './worker.js';

export function registerCommands(program: Command): void {
  registerSummarize(program);
  registerCluster(program);
  registerEntities(program);
  registerEval(program);
  registerExtract(program);
  registerFeeds(program);
  registerIngest(program);
  registerQuotes(program);
  registerPairs(program);
  registerServe(program);
  registerStart(program);
  registerWorker(program);
}
