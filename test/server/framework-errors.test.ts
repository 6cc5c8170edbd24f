/**
 * Errors raised by Fastify's router and by Node's HTTP parser, before any route runs, answer in the same
 * `{ error: { code, message } }` shape as every other error. The parser's refusals happen on the raw
 * socket, so those requests are written by hand to a listening server.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../storage/backends.js';
import { testServer, type TestServer } from './harness.js';

const [backend] = backends();
let server: TestServer;
let port: number;

beforeAll(async () => {
  server = await testServer(backend!, { maxUploadBytes: 4096 });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  port = (server.app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await server.close();
  await backend!.cleanup();
});

/** Sends `request` as bytes and gives back the status and the body of the answer. */
function rawRequest(request: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
        type: /^content-type: (.*)$/im.exec(head)?.[1] ?? '',
        body,
      });
    });
  });
}

const HOST = 'Host: 127.0.0.1\r\nConnection: close\r\n';

describe('errors Fastify raises before a route runs', () => {
  it.each([
    ['malformed JSON', 'POST', '/api/articles', '{"text":', 400, 'invalid-input', /not valid JSON/],
    [
      'a body over the limit',
      'POST',
      '/api/articles',
      `{"text":"${'a'.repeat(5000)}"}`,
      413,
      'too-large',
      /too large/,
    ],
    [
      'a broken percent-escape',
      'GET',
      '/api/stories/%E0%A4%A',
      undefined,
      400,
      'invalid-input',
      /^expected a URL with valid percent-escapes, found \/api\/stories\/%E0%A4%A$/,
    ],
    [
      'an id over the router limit',
      'GET',
      `/api/stories/${'a'.repeat(500)}`,
      undefined,
      414,
      'too-large',
      /^expected path segments of at most 100 characters, found a longer one$/,
    ],
  ] as const)(
    'answers %s in the JSON error format',
    async (_name, method, url, payload, status, code, message) => {
      const res = await server.app.inject({
        method,
        url,
        ...(payload !== undefined && { payload, headers: { 'content-type': 'application/json' } }),
      });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(res.json())).toEqual(['error']);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(message);
    },
  );
});

describe("requests Node's HTTP parser refuses", () => {
  it.each([
    [
      'headers over 16 KiB',
      `GET /api/health HTTP/1.1\r\n${HOST}X-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'too-large',
      /^expected request headers \(with the URL\) of at most 16,384 bytes, found more$/,
    ],
    [
      'a URL over 16 KiB',
      `GET /api/stories?q=${'a'.repeat(20_000)} HTTP/1.1\r\n${HOST}\r\n`,
      431,
      'too-large',
      /^expected request headers \(with the URL\) of at most 16,384 bytes, found more$/,
    ],
    [
      'a Content-Length that is not a number',
      `POST /api/articles HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`,
      400,
      'invalid-input',
      /^expected an HTTP\/1\.1 request, found one that does not parse \(HPE_[A-Z_]+\)$/,
    ],
    [
      'bytes that are not HTTP',
      'NOT HTTP AT ALL\r\n\r\n',
      400,
      'invalid-input',
      /^expected an HTTP\/1\.1 request, found one that does not parse \(HPE_[A-Z_]+\)$/,
    ],
  ])('answers %s in the JSON error format', async (_name, request, status, code, message) => {
    const res = await rawRequest(request);
    expect(res.status).toBe(status);
    expect(res.type).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  });
});
