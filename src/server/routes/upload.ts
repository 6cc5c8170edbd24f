/**
 * POST /api/upload: files in (multipart form fields, or one raw body named by `?name=` or an
 * `X-Filename` header), articles out. Each file is read by `deps.readUpload` (HTML, text, JSON, JSONL),
 * then all articles go through one ingest batch. A file that cannot be read is reported, and the others
 * are ingested all the same.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ChorusError } from '../../core/errors.js';
import type { Article } from '../../core/model.js';
import { ErrorAnswer, UploadAnswer } from '../api-schemas.js';
import { defineRoute, installRoutes, type AnyRouteSpec } from '../api-route.js';
import type { AppDeps, ServerConfig } from '../deps.js';
import { ingestInputs } from '../ingest-answer.js';
import { isBrowserFormPost } from '../form-post.js';
import { renderUploadOutcomePage } from '../../web/upload-page.js';

/** Files per multipart request. */
export const MAX_UPLOAD_FILES = 50;

interface UploadedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

const UploadQuery = z.object({
  name: z.string().max(300).optional().describe('file name of a raw body (its extension tells the format)'),
});

/** A name for a raw body from its media type, when the client gave none. */
function nameFor(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'upload.html';
  if (type === 'application/json') return 'upload.json';
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'upload.jsonl';
  if (type === 'text/plain') return 'upload.txt';
  // Any other type (curl's default form encoding, octet-stream) says nothing: the content decides.
  return 'upload';
}

/** Only the last path segment of a client-given name, without control characters. */
function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '');
  const base = clean.split(/[\\/]/).pop() ?? '';
  return base.trim().slice(0, 200) || 'upload';
}

/** A percent-encoded header value, or the value as it is when it is not valid percent-encoding. */
function decodeName(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Errors of a malformed multipart body become 400s; size limits (413) and our own errors pass through. */
function multipartError(error: unknown): unknown {
  if (error instanceof ChorusError) return error;
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ChorusError(
    'invalid-input',
    `expected a multipart/form-data body, found a malformed one (${detail})`,
    {
      cause: error,
    },
  );
}

/** Form fields of an article pasted into the upload form (the page script sends them as a file). */
const PASTED_FIELDS: ReadonlySet<string> = new Set(['text', 'title', 'source']);

/** The pasted article of a form as a JSON record file, as the page script would send it. */
function pastedFile(fields: ReadonlyMap<string, string>): UploadedFile | undefined {
  const text = fields.get('text');
  if (!text) return undefined;
  const record: Record<string, string> = { text };
  for (const key of ['title', 'source']) {
    const value = fields.get(key);
    if (value) record[key] = value;
  }
  return { name: 'pasted.json', bytes: Buffer.from(JSON.stringify(record)) };
}

async function receiveFiles(
  request: FastifyRequest,
  maxBytes: number,
  name: string | undefined,
): Promise<UploadedFile[]> {
  if (!request.isMultipart()) {
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new ChorusError('empty-input', 'expected a file in the request body, found an empty body');
    const header = request.headers['x-filename'];
    const given = name ?? (typeof header === 'string' ? decodeName(header) : undefined);
    return [{ name: safeName(given ?? nameFor(request.headers['content-type'])), bytes: body }];
  }
  const files: UploadedFile[] = [];
  const fields = new Map<string, string>();
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        if (PASTED_FIELDS.has(part.fieldname) && typeof part.value === 'string')
          fields.set(part.fieldname, part.value.trim());
        continue;
      }
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > maxBytes)
        throw new ChorusError('too-large', `expected at most ${maxBytes} bytes of files, found more`);
      if (bytes.length > 0) files.push({ name: safeName(part.filename || 'upload'), bytes });
    }
  } catch (error) {
    throw multipartError(error);
  }
  const pasted = pastedFile(fields);
  if (pasted) files.push(pasted);
  if (files.length === 0)
    throw new ChorusError(
      'empty-input',
      'expected at least one non-empty file or a "text" field in the form, found neither',
    );
  return files;
}

export function uploadRoute({ store, service, config, readUpload }: AppDeps): AnyRouteSpec {
  return defineRoute({
    method: 'POST',
    url: '/api/upload',
    tag: 'articles',
    write: true,
    summary: 'Upload article files (HTML pages, plain text, JSON or JSONL records) and ingest them',
    description:
      'Send files as multipart/form-data (any field name, several files allowed; a "text" field, with ' +
      'optional "title" and "source", counts as one pasted article), or one file as the raw ' +
      'body with its name in ?name= or an X-Filename header. Each file is reported (read or rejected with ' +
      'a reason) and each article it held gets an ingest outcome.',
    query: UploadQuery,
    bodyTypes: [
      'multipart/form-data',
      'text/html',
      'text/plain',
      'application/json',
      'application/octet-stream',
    ],
    responses: {
      200: { description: 'what each file held and what became of each article', schema: UploadAnswer },
      400: { description: 'no file in the request', schema: ErrorAnswer },
      415: { description: 'no file could be read (binary, empty, no article found)', schema: ErrorAnswer },
      401: { description: 'missing or wrong token', schema: ErrorAnswer },
      413: { description: 'files larger than the upload limit', schema: ErrorAnswer },
    },
    handler: async ({ request, reply, query }) => {
      const files = await receiveFiles(request, config.maxUploadBytes, query.name);
      const reports: z.infer<typeof UploadAnswer>['files'] = [];
      const articles: Article[] = [];
      let firstError: ChorusError | undefined;
      for (const file of files) {
        try {
          const read = await readUpload(file.name, file.bytes);
          articles.push(...read);
          reports.push({ name: file.name, status: 'read', articles: read.length });
        } catch (error) {
          const reason = error instanceof ChorusError ? error.message : 'could not read the file';
          firstError ??=
            error instanceof ChorusError
              ? error
              : new ChorusError('unsupported-input', `${file.name}: ${reason}`);
          if (!(error instanceof ChorusError))
            request.log.warn({ err: error, file: file.name }, 'upload unreadable');
          reports.push({ name: file.name, status: 'rejected', articles: 0, reason });
        }
      }
      // Nothing readable at all is an error, not a 200 that counts no articles.
      if (firstError && reports.every((r) => r.status === 'rejected'))
        throw new ChorusError(
          firstError.code,
          reports.length === 1
            ? firstError.message
            : `no file could be read: ${reports.map((r) => `${r.name}: ${r.reason ?? 'unreadable'}`).join('; ')}`,
        );
      const answer = { ...(await ingestInputs(service, articles)), files: reports };
      if (isBrowserFormPost(request)) {
        // The page names each story by its title, as the page script does once it has asked the API.
        const titles = new Map<string, string>();
        for (const id of answer.stories.slice(0, MAX_UPLOAD_FILES)) {
          const title = (await store.getStory(id))?.title;
          if (title) titles.set(id, title);
        }
        return reply.type('text/html; charset=utf-8').send(renderUploadOutcomePage(answer, titles));
      }
      return answer;
    },
  });
}

/**
 * Registers the upload route in its own context, where request bodies are taken as bytes (multipart
 * parts, or any other media type as one raw file) instead of parsed as JSON. `prefix` as for
 * `installRoutes`.
 */
export async function installUploadRoute(
  app: FastifyInstance,
  spec: AnyRouteSpec,
  config: ServerConfig,
  prefix: string,
): Promise<void> {
  await app.register(async (child) => {
    const limit = config.maxUploadBytes;
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) =>
      done(null, body),
    );
    // After the catch-all: multipart adds its own parser for multipart/form-data, which streams the parts.
    await child.register(multipart, {
      limits: { fileSize: limit, files: MAX_UPLOAD_FILES, fields: 20, parts: MAX_UPLOAD_FILES + 20 },
    });
    installRoutes(child, [spec], config, prefix);
  });
}
