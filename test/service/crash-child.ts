/**
 * The child process of the crash test: ingests the synthetic stream into a SQLite file in batches,
 * printing one line per committed batch, until done or killed. As a server with a report interval
 * does, a story is rebuilt when new and its later batches are put off until the end (`flush`): a
 * report per batch per story made the test run near its time limit, and the kill now also leaves
 * reports put off, which the next run must rebuild (`refreshStale`).
 * Usage: tsx test/service/crash-child.ts DB_PATH EVENTS PER_EVENT BATCH
 */
import { IngestService } from '../../src/service/ingest-service.js';
import { openStore } from '../../src/storage/open-store.js';
import { syntheticArticles } from './synthetic.js';

const [dbPath, events, perEvent, batch] = process.argv.slice(2);
const articles = syntheticArticles(Number(events), Number(perEvent));
const store = await openStore({ sqlitePath: dbPath ?? 'crash.db' });
const service = await IngestService.open(store, { snapshotEvery: 40, reportEveryMs: 3_600_000 });
// Reports left stale by a previous run that was killed are rebuilt first.
await service.refreshStale();
let ingested = 0;
let duplicates = 0;
const size = Number(batch);
for (let i = 0; i < articles.length; i += size) {
  const result = await service.ingest(articles.slice(i, i + size));
  for (const o of result.outcomes) {
    if (o.status === 'ingested') ingested++;
    else if (o.status === 'duplicate') duplicates++;
  }
  process.stdout.write(`batch ${i / size + 1}\n`);
}
await service.flush();
await store.close();
process.stdout.write(`done ingested=${ingested} duplicates=${duplicates}\n`);
