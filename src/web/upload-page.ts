/**
 * `/upload`: a form for files (HTML, text, JSON, JSONL) or pasted text. The page script posts it to the
 * server's upload API and lists each input's outcome with a link to the story it joined; without the
 * script the form still posts to the API, which answers in JSON.
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
