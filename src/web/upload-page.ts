/**
 * `/upload`: a form for files (HTML, text, JSON, JSONL) or pasted text. The page script posts it to the
 * server's upload API and lists each input's outcome with a link to the story it joined; without the
 * script the browser posts the form itself and the API answers with an outcome page
 * (`renderUploadOutcomePage`) and pasted text is read from the form all the same. The token field needs
 * the script (it goes in the Authorization header, which the server checks before reading any body);
 * a plain form post to a server with a token gets a page saying so.
 */
import { html } from './html.js';
import { renderPage } from './layout.js';

export interface UploadPageOptions {
  /** Path of the server's upload endpoint. */
  readonly action: string;
  /** The server requires a bearer token for writes: the form asks for it. */
  readonly tokenRequired: boolean;
  /** Largest upload the server accepts, in bytes (told to the user). */
  readonly maxBytes: number;
}

export function renderUploadPage(options: UploadPageOptions): string {
  const mb = Math.max(1, Math.round(options.maxBytes / (1024 * 1024)));
  const body = html`<h1>Upload articles</h1>
    <p>
      Add news articles as files (HTML pages, plain text, JSON or JSON Lines records) or paste the text of one
      article. Chorus reads each, files it under the story it reports, and rebuilds that story's summary.
    </p>
    <form
      class="upload block"
      id="upload-form"
      action="${options.action}"
      method="post"
      enctype="multipart/form-data"
      data-api="${options.action}"
    >
      <label for="upload-files">Files</label>
      <input
        id="upload-files"
        type="file"
        name="files"
        multiple
        accept=".html,.htm,.txt,.text,.md,.json,.jsonl,text/html,text/plain,application/json"
      />
      <label for="upload-title">Title of the pasted article (optional)</label>
      <input id="upload-title" type="text" name="title" autocomplete="off" />
      <label for="upload-source">Outlet of the pasted article (optional)</label>
      <input id="upload-source" type="text" name="source" autocomplete="off" />
      <label for="upload-text">Or paste article text</label>
      <textarea id="upload-text" name="text" placeholder="The text of the article…"></textarea>
      ${options.tokenRequired ? html`<label for="upload-token">Access token</label><input id="upload-token" type="password" name="token" autocomplete="current-password" required />` : null}
      <p class="meta">Up to ${mb} MB in all.</p>
      <p><button type="submit">Upload</button></p>
    </form>
    <section class="block" id="upload-result" aria-live="polite" hidden>
      <h2>Outcome</h2>
      <p id="upload-status" class="meta"></p>
      <ul class="outcomes" id="upload-outcomes"></ul>
    </section>`;
  return renderPage({ title: 'Upload articles', body });
}

/** What became of one uploaded file (the API's per-file report). */
export interface UploadedFileReport {
  readonly name: string;
  readonly status: 'read' | 'rejected';
  readonly articles: number;
  readonly reason?: string;
}

/** What became of one article (the API's per-article outcome). */
export type UploadedArticleOutcome =
  | {
      readonly status: 'ingested';
      readonly storyId: string;
      readonly newStory: boolean;
      readonly duplicateOf?: string;
    }
  | { readonly status: 'duplicate'; readonly storyId: string | null }
  | { readonly status: 'rejected'; readonly reason: string };

export interface UploadOutcome {
  readonly files: readonly UploadedFileReport[];
  readonly outcomes: readonly UploadedArticleOutcome[];
  readonly counts: { readonly ingested: number; readonly duplicate: number; readonly rejected: number };
  readonly warnings: readonly string[];
}

function outcomeItem(label: string, o: UploadedArticleOutcome, titles: ReadonlyMap<string, string>) {
  const status = html`<span class="status-${o.status}">${o.status}</span>`;
  if (o.status === 'rejected') return html`<li>${label}: ${status} — ${o.reason}</li>`;
  const story = o.storyId
    ? html` — ${o.status === 'ingested' && o.newStory ? 'started a new story: ' : 'story '}<a
          href="/stories/${encodeURIComponent(o.storyId)}"
          >${titles.get(o.storyId) ?? o.storyId}</a
        >`
    : null;
  const copy = o.status === 'ingested' && o.duplicateOf ? ` (a copy of ${o.duplicateOf})` : '';
  return html`<li>${label}: ${status}${story}${copy}</li>`;
}

/**
 * The answer to the upload form when the browser posted it itself (no page script): the same outcome
 * the script would list, as a page, with links to upload more. `titles` names the stories by id.
 */
export function renderUploadOutcomePage(
  outcome: UploadOutcome,
  titles: ReadonlyMap<string, string> = new Map(),
): string {
  const { counts } = outcome;
  let next = 0;
  const items = outcome.files.flatMap((f) => {
    if (f.status === 'rejected')
      return [
        html`<li>${f.name}: <span class="status-rejected">rejected</span> — ${f.reason ?? 'unreadable'}</li>`,
      ];
    if (f.articles === 0)
      return [html`<li>${f.name}: <span class="status-rejected">no article found</span></li>`];
    return Array.from({ length: f.articles }, (_, k) => {
      const o = outcome.outcomes[next++];
      const label = f.articles > 1 ? `${f.name} #${k + 1}` : f.name;
      return o ? outcomeItem(label, o, titles) : null;
    });
  });
  const body = html`<h1>Upload articles</h1>
    <section class="block" id="upload-result">
      <h2>Outcome</h2>
      <p id="upload-status" class="meta">
        ${counts.ingested} ingested, ${counts.duplicate} already stored, ${counts.rejected} refused.
      </p>
      <ul class="outcomes" id="upload-outcomes">
        ${items} ${outcome.warnings.map((w) => html`<li>${w}</li>`)}
      </ul>
      <p><a href="/upload">Upload more</a> · <a href="/">Back to the stories</a></p>
    </section>`;
  return renderPage({ title: 'Upload outcome', body });
}
