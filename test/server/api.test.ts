/**
 * The JSON API in-process (`app.inject`), over every storage backend: a real SQLite file always, and a
 * real PostgreSQL server when CHORUS_TEST_DATABASE_URL is set. Articles are the fictional ones of the
 * service tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/server/security-headers.js';
import { DAM_ARTICLES, ORCHARD_ARTICLES } from '../service/fixtures.js';
import { backends } from '../storage/backends.js';
import { multipartBody, testServer, type TestServer } from './harness.js';

const records = [...DAM_ARTICLES, ...ORCHARD_ARTICLES].map((a) => ({
  id: a.id,
  source: a.source,
  title: a.title,
  date: a.date,
  text: a.text,
  ...(a.url && { url: a.url }),
}));

const UPLOAD_TEXT = `Title: Quill Wood owls return to the old beech grove
By: Mira Holt
Source: Quill Wood Ranger Notes

Rangers at Quill Wood counted forty barn owl nests this spring, the most since the survey began in 2019.

The owls had left the old beech grove after a storm felled six trees, chief ranger Oskar Lind said.`;

const UPLOAD_HTML = `<!doctype html><html><head><title>Quill Wood owls back in force</title></head>
<body><article><h1>Quill Wood owls back in force</h1>
<p>Forty barn owl nests were counted in Quill Wood this spring, rangers said, a record for the survey.</p>
<p>Chief ranger Oskar Lind said the birds returned to the beech grove two years after a storm.</p>
</article></body></html>`;

for (const backend of backends()) {
  describe.skipIf(!backend.available)(`HTTP API (${backend.name})`, () => {
    let server: TestServer;
    const inject: TestServer['app']['inject'] = ((...args: Parameters<TestServer['app']['inject']>) =>
      server.app.inject(...args)) as TestServer['app']['inject'];
    /** Posts a multipart form to the upload API as a script would (asking for JSON). */
    const postForm = (form: ReturnType<typeof multipartBody>) =>
      inject({
        method: 'POST',
        url: '/api/upload',
        payload: form.payload,
        headers: { 'content-type': form.contentType },
      });

    beforeAll(async () => {
      server = await testServer(backend);
    });
    afterAll(async () => {
      await server.close();
      await backend.cleanup();
    });

    it('answers health with the store counts and sets the security headers', async () => {
      const res = await inject('/api/health');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: 'ok',
        store: backend.name,
        articles: 0,
        stories: 0,
        feeds: 0,
        staleReports: 0,
      });
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name]).toBe(value);
      expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    });

    it('ingests posted JSON articles once: a second post of the same records stores nothing', async () => {
      const first = await inject({ method: 'POST', url: '/api/articles', payload: records });
      expect(first.statusCode).toBe(200);
      const body = first.json();
      expect(body.counts).toEqual({ ingested: 6, duplicate: 0, rejected: 0 });
      expect(new Set(body.stories).size).toBe(2);
      expect(body.outcomes.map((o: { id: string }) => o.id)).toEqual(records.map((r) => r.id));

      const again = await inject({ method: 'POST', url: '/api/articles', payload: records });
      expect(again.statusCode).toBe(200);
      expect(again.json().counts).toEqual({ ingested: 0, duplicate: 6, rejected: 0 });
      const stats = await server.store.stats();
      expect([stats.articles, stats.stories, stats.staleReports]).toEqual([6, 2, 0]);
    });

    it('names the field a malformed body gets wrong, not just "Invalid input"', async () => {
      const cases: [unknown, RegExp][] = [
        [{}, /^invalid request body: text: .*expected string, received undefined/],
        [{ text: 5 }, /^invalid request body: text: .*expected string, received number/],
        [Array(5001).fill({ text: 'x' }), /^invalid request body: .*<=5000 items/],
      ];
      for (const [payload, message] of cases) {
        const res = await inject({ method: 'POST', url: '/api/articles', payload: payload as object });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.message).toMatch(message);
      }
    });

    it('takes one record alone, and answers each bad record of an array with its reason', async () => {
      const res = await inject({
        method: 'POST',
        url: '/api/articles',
        payload: [{ title: 'no text here' }, 42, { text: '' }],
      });
      expect(res.statusCode).toBe(200);
      const outcomes = res.json().outcomes as { status: string; reason?: string }[];
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(outcomes[0]?.reason).toMatch(/"text"/);
      expect(outcomes[2]?.reason).toMatch(/no article text/);

      const one = await inject({ method: 'POST', url: '/api/articles', payload: records[0] });
      expect(one.json().counts).toEqual({ ingested: 0, duplicate: 1, rejected: 0 });
    });

    it.each([
      ['malformed JSON', '{"text": "unfinished', 'application/json'],
      ['a JSON number', '42', 'application/json'],
      ['an empty array', '[]', 'application/json'],
      ['an object without text', '{"title":"x"}', 'application/json'],
      ['plain text', 'The owls came back.', 'text/plain'],
    ])('refuses %s with 400 and a JSON error', async (_name, payload, type) => {
      const res = await inject({
        method: 'POST',
        url: '/api/articles',
        payload,
        headers: { 'content-type': type },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().error.code).toBe('invalid-input');
      expect(res.json().error.message).toEqual(expect.any(String));
    });

    it('lists stories with paging, order, time filters and search', async () => {
      const all = (await inject('/api/stories')).json();
      expect(all.total).toBe(2);
      expect(all.items.map((s: { articleCount: number }) => s.articleCount)).toEqual([3, 3]);

      const first = (await inject('/api/stories?limit=1')).json();
      const second = (await inject('/api/stories?limit=1&offset=1')).json();
      expect([first.items.length, second.items.length, first.total, first.limit, second.offset]).toEqual([
        1, 1, 2, 1, 1,
      ]);
      expect(first.items[0].id).not.toBe(second.items[0].id);
      expect((await inject('/api/stories?order=biggest')).json().total).toBe(2);

      const dam = (await inject('/api/stories?q=spillway')).json();
      expect(dam.total).toBe(1);
      expect(dam.items[0].sources).toEqual(expect.arrayContaining(['Harbor Gazette']));
      expect((await inject('/api/stories?since=2100-01-01')).json().total).toBe(0);
      expect((await inject('/api/stories?until=2000-01-01')).json().total).toBe(0);
    });

    it.each([
      ['/api/stories?limit=0', /limit/],
      ['/api/stories?limit=abc', /limit/],
      ['/api/stories?order=oldest', /order/],
      ['/api/stories?since=yesterday', /since/],
      ['/api/search', /q/],
      ['/api/search?q=%20', /words/],
    ])('refuses the query %s with 400 naming the field', async (url, field) => {
      const res = await inject(url);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(field);
    });

    it('returns a story with its cited summary, comparison and articles', async () => {
      const id = (await inject('/api/stories?q=spillway')).json().items[0].id as string;
      const res = await inject(`/api/stories/${encodeURIComponent(id)}`);
      expect(res.statusCode).toBe(200);
      const { story, report, articles } = res.json();
      expect(story).toMatchObject({ id, reportCurrent: true });
      expect(articles.map((a: { id: string }) => a.id).sort()).toEqual(DAM_ARTICLES.map((a) => a.id).sort());
      expect(report.summary.sentences.length).toBeGreaterThan(0);
      for (const s of report.summary.sentences) {
        expect(s.citations.length).toBeGreaterThan(0);
        expect(s.citations[0].origin).toBe(true);
      }
      expect(report.comparison).toBeDefined();
    });

    it.each([
      ['/api/stories/no-such-story', /story/],
      ['/api/articles/no-such-article', /article/],
      ['/api/no/such/route', /API route/],
    ])('answers %s with a JSON 404', async (url, what) => {
      const res = await inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual({ code: 'not-found', message: expect.stringMatching(what) });
    });

    it('lists and returns articles, filtered by story and by words', async () => {
      const story = (await inject('/api/stories?q=orchard')).json().items[0].id as string;
      const page = (await inject(`/api/articles?storyId=${encodeURIComponent(story)}&limit=2`)).json();
      expect([page.total, page.items.length]).toEqual([3, 2]);
      const one = await inject(`/api/articles/${encodeURIComponent(page.items[0].id)}`);
      expect(one.json()).toMatchObject({ id: page.items[0].id, storyId: story, seq: expect.any(Number) });
      expect((await inject('/api/articles?q=spillway')).json().total).toBeGreaterThan(0);
      const search = (await inject('/api/search?q=spillway')).json();
      expect(search.stories.total).toBe(1);
      expect(search.articles.total).toBeGreaterThan(0);
    });

    it('gives back script-laden article text as JSON data, never as HTML', async () => {
      const hostile = {
        id: 'hostile-1',
        source: 'Fenwick Night Owl',
        title: '<img src=x onerror="alert(1)">Tram vote',
        text:
          'The council met at the Fenwick Civic Hall on Tuesday evening to vote on the tram line. ' +
          `Someone pasted <script>alert('tram')</script> into the public comment form, officials said.\n\n` +
          'Councillors approved the line by seven votes to four after a long debate about the route.',
      };
      const post = await inject({ method: 'POST', url: '/api/articles', payload: hostile });
      expect(post.json().counts.ingested).toBe(1);
      const res = await inject('/api/articles/hostile-1');
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const article = res.json();
      expect(article.title).toBe(hostile.title);
      expect(article.text).toContain(`<script>alert('tram')</script>`);
    });

    it('ingests uploaded files: a raw text body, and HTML, JSON and unreadable files in one form', async () => {
      const raw = await inject({
        method: 'POST',
        url: '/api/upload?name=owls.txt',
        payload: UPLOAD_TEXT,
        headers: { 'content-type': 'text/plain' },
      });
      expect(raw.statusCode).toBe(200);
      expect(raw.json().files).toEqual([{ name: 'owls.txt', status: 'read', articles: 1 }]);
      expect(raw.json().counts.ingested).toBe(1);

      const form = multipartBody([
        { name: 'owls.html', type: 'text/html', content: UPLOAD_HTML },
        {
          name: 'more.json',
          type: 'application/json',
          content: JSON.stringify([
            { text: 'Quill Wood rangers will ring the owl chicks in June, the trust said.' },
          ]),
        },
        { name: 'photo.bin', type: 'application/octet-stream', content: Buffer.from([0, 1, 2, 3, 0, 255]) },
      ]);
      const res = await postForm(form);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.files.map((f: { name: string; status: string }) => `${f.name}:${f.status}`)).toEqual([
        'owls.html:read',
        'more.json:read',
        'photo.bin:rejected',
      ]);
      expect(body.files[2].reason).toMatch(/binary/);
      expect(body.counts).toEqual({ ingested: 2, duplicate: 0, rejected: 0 });

      const again = await postForm(form);
      expect(again.json().counts).toEqual({ ingested: 0, duplicate: 2, rejected: 0 });
    });

    it.each([
      ['a multipart body without parts', 'garbage', 'multipart/form-data; boundary=xyz', /malformed/],
      ['a multipart type without boundary', 'garbage', 'multipart/form-data', /malformed/],
    ])('refuses %s with 400', async (_name, payload, type, message) => {
      const res = await inject({
        method: 'POST',
        url: '/api/upload',
        payload,
        headers: { 'content-type': type },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'invalid-input', message: expect.stringMatching(message) });
    });

    it("reads a pasted article from the form fields, and answers a browser's own form post with a page", async () => {
      const fields = {
        text: 'The Carrow ferry will run every half hour from Monday, the harbour board said on Friday.',
        title: 'Carrow ferry to run every half hour',
        source: 'Carrow Bay Shipping News',
      };
      const form = multipartBody([], fields);
      const json = await postForm(form);
      expect(json.statusCode).toBe(200);
      expect(json.json().files).toEqual([{ name: 'pasted.json', status: 'read', articles: 1 }]);
      expect(json.json().counts.ingested).toBe(1);
      const stored = (await inject(`/api/stories/${json.json().outcomes[0].storyId}`)).json();
      expect(stored.articles[0]).toMatchObject({ title: fields.title, source: fields.source });

      // What a browser sends when it posts the form itself: a page back, the story named by its title.
      const browser = {
        'content-type': form.contentType,
        accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      };
      const page = await inject({
        method: 'POST',
        url: '/api/upload',
        payload: form.payload,
        headers: browser,
      });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('0 ingested, 1 already stored, 0 refused.');
      expect(page.body).toMatch(/pasted\.json: <span class="status-duplicate">duplicate<\/span>/);

      const empty = multipartBody([], { title: 'Only a title' });
      const refused = await inject({
        method: 'POST',
        url: '/api/upload',
        payload: empty.payload,
        headers: { ...browser, 'content-type': empty.contentType },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toMatch(/^text\/html/);
      expect(refused.body).toContain('Something went wrong (400)');
      expect(refused.body).toContain('found neither');
    });

    it('reads a raw upload whose X-Filename is not valid percent-encoding under that name', async () => {
      const res = await inject({
        method: 'POST',
        url: '/api/upload',
        payload: 'The Carrow breakwater will be finished by the spring, the harbour board said on Friday.',
        headers: { 'content-type': 'text/plain', 'x-filename': 'notes%E0%A4%A.txt' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().files[0]).toMatchObject({ name: 'notes%E0%A4%A.txt', status: 'read' });
    });

    it('answers an upload of which no file can be read with an error, not a 200 counting nothing', async () => {
      const form = multipartBody([
        { name: 'photo.bin', type: 'application/octet-stream', content: Buffer.from([0, 1, 2, 3, 0, 255]) },
        { name: 'blank.txt', type: 'text/plain', content: '   ' },
      ]);
      const res = await postForm(form);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.message).toMatch(
        /^no file could be read: photo\.bin: .*binary.*; blank\.txt: /,
      );
    });

    it('reads a raw body of JSON records sent with a type that says nothing (curl --data-binary)', async () => {
      const records = [
        { text: 'Tarn Island ferry crews sailed twice as often during the storm week.', source: 'Tarn Post' },
        {
          text: 'The Tarn Island volcano observatory raised its alert level on Sunday.',
          source: 'Tarn Radio',
        },
      ];
      for (const type of ['application/x-www-form-urlencoded', 'application/octet-stream']) {
        const res = await inject({
          method: 'POST',
          url: '/api/upload',
          payload: JSON.stringify(records),
          headers: { 'content-type': type },
        });
        expect(res.statusCode, type).toBe(200);
        expect(res.json().files, type).toEqual([{ name: 'upload', status: 'read', articles: 2 }]);
      }
    });

    it('refuses an empty upload with 400', async () => {
      const res = await inject({
        method: 'POST',
        url: '/api/upload',
        payload: '',
        headers: { 'content-type': 'text/plain' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('empty-input');
    });

    it('refuses a feed on a loopback address unless private feeds are allowed', async () => {
      const res = await inject({
        method: 'POST',
        url: '/api/feeds',
        payload: { url: 'http://127.0.0.1:9/rss' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect(res.json().error.message).toMatch(/private, loopback or link-local.*allow private addresses/);
      for (const url of ['not a url', 'ftp://feeds.example/rss']) {
        const bad = await inject({ method: 'POST', url: '/api/feeds', payload: { url } });
        expect([400, 403]).toContain(bad.statusCode);
      }
      expect((await inject('/api/feeds')).json()).toEqual({ items: [] });
    });

    it('adds, lists and removes a feed on a public address', async () => {
      const add = await inject({
        method: 'POST',
        url: '/api/feeds',
        payload: { url: 'https://news.example/rss.xml', title: 'Example News' },
      });
      expect(add.statusCode).toBe(201);
      const feed = add.json();
      expect(feed).toMatchObject({ url: 'https://news.example/rss.xml', title: 'Example News' });
      expect((await inject('/api/feeds')).json().items).toHaveLength(1);
      const del = await inject({ method: 'DELETE', url: `/api/feeds/${feed.id}` });
      expect(del.statusCode).toBe(204);
      expect((await inject({ method: 'DELETE', url: `/api/feeds/${feed.id}` })).statusCode).toBe(404);
      expect((await inject({ method: 'POST', url: `/api/feeds/${feed.id}/poll` })).statusCode).toBe(404);
    });
  });
}
