/** The 404 page and the error page: plain words, a way back, no stack traces. */
import { html } from './html.js';
import { renderPage } from './layout.js';

export function renderNotFoundPage(what = 'This page does not exist.'): string {
  return renderPage({
    title: 'Not found',
    body: html`<div class="error-page">
      <h1>Not found</h1>
      <p>${what}</p>
      <p><a href="/">Back to the stories</a></p>
    </div>`,
  });
}

/** An error page for status `status` with a message safe to show (never an internal one). */
export function renderErrorPage(status: number, message: string): string {
  return renderPage({
    title: `Error ${status}`,
    body: html`<div class="error-page">
      <h1>Something went wrong (${status})</h1>
      <p>${message}</p>
      <p><a href="/">Back to the stories</a></p>
    </div>`,
  });
}
