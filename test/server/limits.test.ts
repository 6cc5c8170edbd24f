/**
 * What the server refuses before any handler runs: writes without the token (401), writes a browser
 * sends from another site's page (403, token or not), bodies over the
 * upload limit (413), and what it publishes about itself: the OpenAPI document names every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../storage/backends.js';
import { multipartBody, testServer, type TestServer } from './harness.js';

const TOKEN = 'test-token-4f1c9a';
const ARTICLE = {
  source: 'Quill Wood Ranger Notes',
  text: 'Rangers at Quill Wood counted forty barn owl nests this spring, the most since the survey began.',
};

for (const backend of backends()) {
  describe.skipIf(!backend.available)(`HTTP limits and document (${backend.name})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await testServer(backend, { token: TOKEN, maxUploadBytes: 4096 });
    });
    afterAll(async () => {
      await server.close();
      await backend.cleanup();
    });

    it.each([
      ['POST', '/api/articles', ARTICLE],
      ['POST', '/api/upload?name=a.txt', 'some text'],
      ['POST', '/api/feeds', { url: 'https://news.example/rss' }],
      ['DELETE', '/api/feeds/any', undefined],
      ['POST', '/api/feeds/any/poll', undefined],
    ] as const)('refuses %s %s without the token with 401', async (method, url, payload) => {
      for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, TOKEN]) {
        const res = await server.app.inject({
          method,
          url,
          ...(payload !== undefined && { payload }),
          headers: {
            ...(typeof payload === 'string' && { 'content-type': 'text/plain' }),
            ...(authorization && { authorization }),
          },
        });
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(res.json().error.code).toBe('unauthorized');
      }
      expect((await server.store.stats()).articles).toBe(0);
    });

    it('accepts writes with the token, and reads without it', async () => {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/articles',
        payload: ARTICLE,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().counts.ingested).toBe(1);
      expect((await server.app.inject('/api/stories')).json().total).toBe(1);
    });

    it('refuses bodies over the upload limit with 413 and a JSON error', async () => {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const big = 'Owls. '.repeat(1000);
      const cases = [
        { url: '/api/articles', payload: { text: big }, headers: auth },
        {
          url: '/api/upload?name=big.txt',
          payload: big,
          headers: { ...auth, 'content-type': 'text/plain' },
        },
        (() => {
          const form = multipartBody([{ name: 'big.txt', type: 'text/plain', content: big }]);
          return {
            url: '/api/upload',
            payload: form.payload,
            headers: { ...auth, 'content-type': form.contentType },
          };
        })(),
        (() => {
          // Two files each under the limit, together over it.
          const half = 'Owls. '.repeat(400);
          const form = multipartBody([
            { name: 'a.txt', type: 'text/plain', content: half },
            { name: 'b.txt', type: 'text/plain', content: half },
          ]);
          return {
            url: '/api/upload',
            payload: form.payload,
            headers: { ...auth, 'content-type': form.contentType },
          };
        })(),
      ];
      for (const c of cases) {
        const res = await server.app.inject({ method: 'POST', ...c });
        expect(res.statusCode, c.url).toBe(413);
        expect(res.json().error.code).toBe('too-large');
      }
      expect((await server.store.stats()).articles).toBe(1);
    });

    it('tells a person posting the upload form without the page script that the token needs it', async () => {
      const form = multipartBody([], { text: 'Quill Wood rangers ringed nine owl chicks on Tuesday.' });
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/upload',
        payload: form.payload,
        headers: { 'content-type': form.contentType, accept: 'text/html,*/*;q=0.8' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('needs an access token');
      expect(res.body).toContain('JavaScript');
    });

    it("refuses writes from another site's page, even with the token, and takes its own pages' writes", async () => {
      const write = (origin: string | undefined) =>
        server.app.inject({
          method: 'POST',
          url: '/api/articles',
          payload: {
            source: 'Quill Wood Ranger Notes',
            text: 'Volunteers at Quill Wood rebuilt the boardwalk over the east marsh in nine days.',
          },
          headers: {
            host: '127.0.0.1:8080',
            authorization: `Bearer ${TOKEN}`,
            ...(origin !== undefined && { origin }),
          },
        });
      for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'null', 'not a url']) {
        const res = await write(origin);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
        expect(res.json().error.message).toContain(origin);
      }
      const before = (await server.store.stats()).articles;
      expect((await write('http://127.0.0.1:8080')).statusCode).toBe(200);
      expect((await server.store.stats()).articles).toBe(before + 1);
    });

    it('refuses requests naming a foreign host on a server without a token (DNS rebinding)', async () => {
      const open = await testServer(backend, { token: undefined, host: '127.0.0.1' });
      try {
        const send = (host: string) =>
          open.app.inject({
            method: 'POST',
            url: '/api/articles',
            payload: { source: 'Quill Wood Ranger Notes', text: 'Rangers counted forty owls in Quill Wood.' },
            headers: { host, origin: `http://${host}` },
          });
        for (const host of [
          'attacker.example:8080',
          'attacker.example',
          '10.0.0.5:8080',
          '127.0.0.1.nip.io',
        ]) {
          const res = await send(host);
          expect(res.statusCode, host).toBe(403);
          expect(res.json().error.message).toContain('loopback');
        }
        expect(
          (await open.app.inject({ url: '/api/stories', headers: { host: 'attacker.example' } })).statusCode,
        ).toBe(403);
        expect((await open.store.stats()).articles).toBe(0);
        for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'localhost']) {
          expect((await send(host)).statusCode, host).toBe(200);
        }
      } finally {
        await open.close();
      }
    });

    it('answers health with 503 and a storage error when the store does not answer', async () => {
      const down = await testServer(backend);
      await down.store.close();
      try {
        const res = await down.app.inject('/api/health');
        expect(res.statusCode).toBe(503);
        expect(res.json().error.code).toBe('storage');
      } finally {
        await down.app.close();
      }
    });

    it('publishes an OpenAPI 3.1 document naming every route, each of which exists', async () => {
      const doc = (await server.app.inject('/openapi.json')).json();
      expect(doc.openapi).toBe('3.1.0');
      const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      );
      for (const required of [
        'GET /api/health',
        'GET /openapi.json',
        'GET /api/stories',
        'GET /api/stories/{id}',
        'GET /api/articles',
        'GET /api/articles/{id}',
        'GET /api/search',
        'POST /api/articles',
        'POST /api/upload',
        'GET /api/feeds',
        'POST /api/feeds',
        'DELETE /api/feeds/{id}',
        'POST /api/feeds/{id}/poll',
        'GET /',
        'GET /stories/{id}',
        'GET /stories/{id}/sources',
        'GET /search',
        'GET /upload',
      ])
        expect(operations).toContain(required);
      for (const op of operations) {
        const [method = '', path = ''] = op.split(' ');
        const url = path.replace(/\{path\}$/, '*').replace(/\{([^}]+)\}/g, ':$1');
        expect(server.app.hasRoute({ method: method as 'GET', url }), op).toBe(true);
      }
      // Write operations declare the bearer token; each has a summary and responses.
      for (const [path, ops] of Object.entries(
        doc.paths as Record<string, Record<string, Record<string, unknown>>>,
      )) {
        for (const [method, op] of Object.entries(ops)) {
          expect(op.summary, `${method} ${path}`).toEqual(expect.any(String));
          expect(Object.keys(op.responses as object).length).toBeGreaterThan(0);
          if (path.startsWith('/api/') && method !== 'get') expect(op.security).toEqual([{ bearerAuth: [] }]);
        }
      }
      const list = doc.paths['/api/stories'].get;
      expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['limit', 'offset', 'since', 'until', 'q', 'order']),
      );
    });
  });
}
