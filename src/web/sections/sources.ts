/**
 * The sources list: outlet, title, byline, date, a link to the original, syndication notes, and the
 * passages the summary cites from each source (the targets of the summary's markers).
 */
import { formatTime } from '../format-time.js';
import { html, safeHttpUrl, type SafeHtml } from '../html.js';
import type { ReportView } from '../report-view.js';
import { section, sourceAnchor } from './common.js';
import { citeAnchor } from './summary.js';

/**
 * The passages of `article` the summary cites, each once however many summary sentences cite it; each
 * citing sentence gets its own anchor inside the passage, so every marker has a target.
 */
function citedPassages(view: ReportView, article: number): SafeHtml | null {
  const bySentence = new Map<number, number[]>();
  view.report.summary.sentences.forEach((s, i) => {
    for (const c of s.citations) {
      if (c.article !== article || view.sentenceText(article, c.sentence) === undefined) continue;
      bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), i]);
    }
  });
  if (bySentence.size === 0) return null;
  const items = [...bySentence.entries()]
    .sort(([x], [y]) => x - y)
    .map(
      ([sentence, cited]) =>
        html`<li>
          ${cited.map((i) => html`<span class="anchor" id="${citeAnchor(i, article)}"></span>`)}
          <span class="passage">${view.sentenceText(article, sentence)}</span>
          ${cited.map(
            (i) =>
              html` <a class="back" href="#summary-${i + 1}" title="back to summary sentence ${i + 1}"
                >↩ ${i + 1}</a
              >`,
          )}
        </li>`,
    );
  return html`<details class="cited" ${view.collapsePassages ? null : html` open`}>
    <summary>${items.length === 1 ? 'The passage' : `${items.length} passages`} the summary cites</summary>
    <ul>
      ${items}
    </ul>
  </details>`;
}

function compareLinks(view: ReportView, article: number): SafeHtml | null {
  const href = view.compareHref;
  const n = view.report.story.articles.length;
  if (!href || n < 2) return null;
  const others = [...Array(n).keys()].filter((b) => b !== article);
  return html`<p class="compare">
    Side by side with: ${others.map((b) => html`<a href="${href(article, b)}">${b + 1}</a> `)}
  </p>`;
}

export function renderSources(view: ReportView): SafeHtml {
  const { articles } = view.report.story;
  const items = articles.map((a, i) => {
    const url = safeHttpUrl(a.url);
    const copy = view.copyOf.get(i);
    const copies = view.copiedBy.get(i) ?? [];
    const meta = [
      a.byline,
      a.date && formatTime(a.date),
      a.language && a.language !== 'en' ? `language: ${a.language}` : undefined,
    ].filter((x): x is string => Boolean(x));
    return html`<li id="${sourceAnchor(i)}" class="source">
      <span class="num">${i + 1}</span>
      <div>
        <p>
          <strong class="outlet">${a.source}</strong
          >${a.title ? html` · <span class="title">${a.title}</span>` : null}
        </p>
        ${meta.length ? html`<p class="meta">${meta.join(' · ')}</p>` : null}
        ${url ? html`<p><a class="original" href="${url}" rel="noopener noreferrer nofollow">Original article</a></p>` : null}
        ${copy ? html`<p class="note">Copy of <a href="#${sourceAnchor(copy.original)}">[${copy.original + 1}] ${view.source(copy.original)}</a> (${Math.round(copy.similarity * 100)}% similar)</p>` : null}
        ${copies.length ? html`<p class="note">Also carried by: ${copies.map((c, k) => html`${k ? ', ' : ''}<a href="#${sourceAnchor(c)}">[${c + 1}] ${view.source(c)}</a>`)}</p>` : null}
        ${citedPassages(view, i)} ${compareLinks(view, i)}
      </div>
    </li>`;
  });
  return section(
    'sources',
    'Sources',
    html`<ol class="sources">
      ${items}
    </ol>`,
    'No sources.',
    articles.length > 0,
  );
}
