/**
 * Structured logs: one JSON line per event at the configured level, with method, URL and status, and
 * never the text of an article, nor the token.
 */
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { readUploadedFile } from '../../src/server/read-upload.js';
import { SERVER_DEFAULTS } from '../../src/server/server-config.js';
import { IngestService } from '../../src/service/ingest-service.js';
import { backends } from '../storage/backends.js';

const backend = backends()[0]!;
const TOKEN = 'log-test-token-93be';
const MARKER = 'Zephyrine Quillmoor';
const TEXT =
  `Harbourmaster ${MARKER} said the new breakwater at Carrow would be finished by the spring. ` +
  'The work began last year after two storms damaged the old wall.\n\n' +
  'Boat owners said they had waited a decade for the repairs.';

describe('server logs', () => {
  afterAll(() => backend.cleanup());

  it('logs requests as JSON lines without article text or the token', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const store = await backend.fresh();
    const service = await IngestService.open(store);
    const app = await buildApp(
      {
        store,
        service,
        config: { ...SERVER_DEFAULTS, token: TOKEN, logLevel: 'trace', logRequests: true },
        readUpload: readUploadedFile,
      },
      { logStream },
    );
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const posted = await app.inject({
        method: 'POST',
        url: '/api/articles',
        payload: { text: TEXT, title: `${MARKER} on the breakwater` },
        headers: auth,
      });
      expect(posted.json().counts.ingested).toBe(1);
      await app.inject({
        method: 'POST',
        url: '/api/upload?name=note.txt',
        payload: `Title: Carrow\n\n${TEXT} And more.`,
        headers: { ...auth, 'content-type': 'text/plain' },
      });
      await app.inject({
        method: 'POST',
        url: '/api/articles',
        payload: '{"text": "' + MARKER,
        headers: { ...auth, 'content-type': 'application/json' },
      });
      const id = posted.json().outcomes[0].id as string;
      await app.inject(`/api/articles/${id}`);
    } finally {
      await app.close();
      await store.close();
    }
    expect(lines.length).toBeGreaterThan(4);
    const records = lines.map((l) => JSON.parse(l) as { level: number; msg: string; req?: { url: string } });
    expect(records.some((r) => r.req?.url === '/api/articles')).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toContain(MARKER);
    expect(all).not.toContain('breakwater');
    expect(all).not.toContain(TOKEN);
  });

  it('logs no line per request by default (only with logRequests)', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const store = await backend.fresh();
    const service = await IngestService.open(store);
    const app = await buildApp(
      { store, service, config: SERVER_DEFAULTS, readUpload: readUploadedFile },
      { logStream },
    );
    try {
      for (let i = 0; i < 3; i++) expect((await app.inject('/api/health')).statusCode).toBe(200);
    } finally {
      await app.close();
      await store.close();
    }
    expect(lines.filter((l) => /incoming request|request completed/.test(l))).toEqual([]);
  });
});
