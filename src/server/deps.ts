/**
 * What the HTTP server hands to every route plugin: the API routes here and the HTML pages in
 * `routes/pages.ts` (`webRoutes(app, deps)`) see the same store, service and settings, so a page and
 * the API never disagree about what is stored.
 */
import type { Article } from '../core/model.js';
import type { IngestService } from '../service/ingest-service.js';
import type { Store } from '../storage/store.js';

/** Server settings after flags, environment and defaults are merged (once, in `server-config.ts`). */
export interface ServerConfig {
  /** Bearer token required by write endpoints; writes are open when absent (loopback hosts only). */
  readonly token?: string;
  readonly host: string;
  readonly port: number;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  readonly maxUploadBytes: number;
  /** Let feeds point at private or loopback addresses (tests, intranets). */
  readonly allowPrivateFeeds: boolean;
  /** Pino level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'. */
  readonly logLevel: string;
  /**
   * Log every request and response as JSON lines. Off by default: two lines per request buried the
   * start-up lines and errors on a person's terminal; operators turn it on (`--log-requests`).
   */
  readonly logRequests: boolean;
  /**
   * How long after its last poll the server's worker polls a feed again, in ms; absent when no worker
   * runs (`--no-worker`), so the feeds page says polls happen only on demand.
   */
  readonly pollEveryMs?: number;
}

export interface AppDeps {
  readonly store: Store;
  readonly service: IngestService;
  readonly config: ServerConfig;
  /**
   * Parses one uploaded file (HTML, text, JSON or JSONL, told apart by name and content) into articles.
   * Throws a ChorusError (code 'input') for files it cannot read.
   */
  readonly readUpload: (name: string, bytes: Buffer) => Promise<Article[]>;
}
