/** The frame of every served page: site header with navigation and search, then the page body. */
import { renderDocument } from './document.js';
import { html, type SafeHtml } from './html.js';

export interface PageOptions {
  readonly title: string;
  readonly body: SafeHtml;
  /** Text to keep in the search box. */
  readonly query?: string;
}

/** A complete served HTML page (stylesheet and script linked from /static/). */
export function renderPage(options: PageOptions): string {
  const header = html`<header class="site">
    <nav aria-label="Site">
      <a class="brand" href="/">Chorus</a>
      <a href="/">Stories</a>
      <a href="/upload">Upload</a>
      <a href="/feeds">Feeds</a>
      <form action="/search" method="get" role="search">
        <label class="sr" for="site-q">Search stories</label
        ><input
          id="site-q"
          type="search"
          name="q"
          value="${options.query ?? ''}"
          placeholder="Search stories"
        /><button type="submit">Search</button>
      </form>
    </nav>
  </header>`;
  return renderDocument({ title: options.title, body: options.body, assets: 'linked', header });
}
