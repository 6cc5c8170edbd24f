/**
 * An in-process server over a fresh store of the given backend (a real SQLite file, or a real
 * PostgreSQL schema when CHORUS_TEST_DATABASE_URL is set), or over a store the test opened, for
 * `app.inject` tests.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { ServerConfig } from '../../src/server/deps.js';
import { PAGE_CACHE_DEFAULTS, PageCache, type PageCacheOptions } from '../../src/server/page-cache.js';
import { readUploadedFile } from '../../src/server/read-upload.js';
import { SERVER_DEFAULTS } from '../../src/server/server-config.js';
import { IngestService } from '../../src/service/ingest-service.js';
import type { Store } from '../../src/storage/store.js';
import type { Backend } from '../storage/backends.js';

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly service: IngestService;
  /** The story answer cache, to see hits and misses. */
  readonly cache: PageCache;
  close(): Promise<void>;
}

export async function testServer(
  backend: Backend,
  config: Partial<ServerConfig> = {},
  cacheOptions: Partial<PageCacheOptions> = {},
): Promise<TestServer> {
  return serverOver(await backend.fresh(), config, cacheOptions);
}

/** The same server over a store the test opened (and perhaps seeded) itself; `close` closes the store too. */
export async function serverOver(
  store: Store,
  config: Partial<ServerConfig> = {},
  cacheOptions: Partial<PageCacheOptions> = {},
): Promise<TestServer> {
  const service = await IngestService.open(store);
  const cache = new PageCache(PAGE_CACHE_DEFAULTS.maxBytes);
  const app = await buildApp(
    {
      store,
      service,
      config: { ...SERVER_DEFAULTS, logLevel: 'silent', ...config },
      readUpload: readUploadedFile,
    },
    { logger: false, pageCache: { ...cacheOptions, cache } },
  );
  return {
    app,
    store,
    service,
    cache,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A multipart/form-data body with these files, and its content type. */
export function multipartBody(
  files: readonly { name: string; type: string; content: string | Buffer }[],
  fields: Readonly<Record<string, string>> = {},
): {
  payload: Buffer;
  contentType: string;
} {
  const boundary = '----chorus-test-boundary-7f3a';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\n` +
          `Content-Type: ${f.type}\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
