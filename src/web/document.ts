/**
 * The HTML document around every page. Served pages link `/static/chorus.css` and `/static/chorus.js`
 * (no inline script or style, so a strict CSP holds); the standalone report inlines the stylesheet.
 */
import { html, trustedHtml, type SafeHtml } from './html.js';
import { STYLESHEET } from './static/stylesheet.js';

export interface DocumentOptions {
  readonly title: string;
  readonly body: SafeHtml;
  /** 'linked' for served pages, 'inline' for a self-contained file. */
  readonly assets: 'linked' | 'inline';
  /** Site navigation above the body (served pages). */
  readonly header?: SafeHtml;
}

export const STATIC_PATHS = Object.freeze({
  css: '/static/chorus.css',
  js: '/static/chorus.js',
  icon: '/static/chorus.svg',
});

export function renderDocument(options: DocumentOptions): string {
  const head =
    options.assets === 'inline'
      ? html`<style>
          ${trustedHtml(STYLESHEET)}
        </style>`
      : html`<link rel="stylesheet" href="${STATIC_PATHS.css}" />
          <link rel="icon" href="${STATIC_PATHS.icon}" type="image/svg+xml" />
          <script src="${STATIC_PATHS.js}" defer></script>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · Chorus</title>
        ${head}
      </head>
      <body>
        ${options.header ?? null}
        <main>${options.body}</main>
        <footer class="site"><p>Chorus: one cited story from many sources.</p></footer>
      </body>
    </html> `.value;
}
