/** Small pieces the report sections share: section frames, source chips and plurals. */
import { html, type HtmlValue, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';

/** "1 source", "3 sources"; `many` for irregular plurals ("copies"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Anchor id of a source in the sources list (1-based, as the markers read). */
export function sourceAnchor(article: number): string {
  return `source-${article + 1}`;
}

/** A `<section>` with a heading, or the `empty` sentence when there is nothing to list. */
export function section(
  id: string,
  title: string,
  body: HtmlValue,
  empty: string,
  hasContent: boolean,
): SafeHtml {
  return html`<section id="${id}" class="block">
    <h2>${title}</h2>
    ${hasContent ? body : html`<p class="empty">${empty}</p>`}
  </section>`;
}

/** One numbered column header per source (matrix and entity tables), linking to the sources list. */
export function sourceColumnHeaders(articles: readonly { readonly source: string }[]): SafeHtml[] {
  return articles.map(
    (a, i) => html`<th scope="col" title="${a.source}"><a href="#${sourceAnchor(i)}">${i + 1}</a></th>`,
  );
}

/** `[2] Outlet` chips linking to the sources list. */
export function sourceChips(view: ReportView, articles: readonly number[]): SafeHtml {
  const n = view.report.story.articles.length;
  return html`<span class="chips"
    >${articles.map((a) =>
      a >= 0 && a < n
        ? html`<a class="chip" href="#${sourceAnchor(a)}"
            ><span class="num">${a + 1}</span> ${view.source(a)}</a
          >`
        : null,
    )}</span
  >`;
}
