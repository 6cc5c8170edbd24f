/**
 * `/stories/:id/sources?a=1&b=2`: two sources side by side, sentences they share highlighted and
 * linked to their counterpart in the other column.
 */
import type { Article } from '../core/model.js';
import type { StoredStory } from '../storage/store.js';
import { plainArticle } from '../storage/plain-article.js';
import { evidenceTitle } from './evidence-title.js';
import { formatTime } from './format-time.js';
import { html, safeHttpUrl, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { sharedPassages, type SharedSentence } from '../core/compare/shared-passages.js';
import { sourcesHref } from './story-page.js';

/** The articles of a stored story as its report numbers them (the stored order when no report yet). */
export function numberedArticles(stored: StoredStory): readonly Article[] {
  return stored.report?.story.articles ?? stored.articles.map(plainArticle);
}

function column(
  side: 'a' | 'b',
  other: 'a' | 'b',
  n: number,
  article: Article,
  sentences: readonly SharedSentence[],
): SafeHtml {
  const shared = sentences.filter((s) => s.match !== undefined).length;
  const paragraphs: SharedSentence[][] = [];
  for (const s of sentences) {
    const last = paragraphs[paragraphs.length - 1];
    if (last && last[0]?.sentence.paragraph === s.sentence.paragraph) last.push(s);
    else paragraphs.push([s]);
  }
  const url = safeHttpUrl(article.url);
  return html`<section class="block" aria-label="Source ${n}">
    <h2><span class="num">${n}</span> ${article.source}</h2>
    ${article.title ? html`<p><strong>${article.title}</strong></p>` : null}
    <p class="meta">
      ${[article.byline, article.date && formatTime(article.date)].filter(Boolean).join(' · ')}${url ? html` · <a href="${url}" rel="noopener noreferrer nofollow">Original</a>` : null}
    </p>
    <p class="legend">${shared} of ${sentences.length} sentences shared with the other source.</p>
    ${paragraphs.map(
      (p) =>
        html`<p class="s">
          ${p.map((s) =>
            s.match === undefined
              ? html`<span id="${side}-${s.sentence.index + 1}">${s.sentence.text}</span> `
              : html`<mark class="shared" id="${side}-${s.sentence.index + 1}"
                  >${s.sentence.text}<a
                    href="#${other}-${s.match + 1}"
                    title="${evidenceTitle(s.score ?? 0, s.passage ?? '')}"
                    >↔</a
                  ></mark
                > `,
          )}
        </p>`,
    )}
  </section>`;
}

/**
 * The side-by-side page of sources `a` and `b` (0-based indexes into `numberedArticles(stored)`);
 * the caller checks they exist.
 */
export function renderSourcesPage(stored: StoredStory, a: number, b: number): string {
  const articles = numberedArticles(stored);
  const left = articles[a];
  const right = articles[b];
  if (!left || !right)
    throw new RangeError(`sources ${a + 1} and ${b + 1} are not both in story ${stored.id}`);
  const shared = sharedPassages(left, right);
  const title = `${left.source} and ${right.source}`;
  const others = articles.map((_, i) => i).filter((i) => i !== a);
  const body = html`<p>
      <a href="/stories/${encodeURIComponent(stored.id)}">← ${stored.title ?? 'Back to the story'}</a>
    </p>
    <h1>Side by side: ${title}</h1>
    <p class="legend">
      <mark>Highlighted</mark> sentences carry the same content in both sources (the decision behind
      citations); ↔ jumps to the match, and hovering it shows the matched sentence and its score.
    </p>
    <nav class="compare" aria-label="Compare with">
      Compare source ${a + 1} with:
      ${others.map(
        (i) =>
          html`<a href="${sourcesHref(stored.id, a, i)}" ${i === b ? html` aria-current="page"` : null}
            >${i + 1}</a
          > `,
      )}
    </nav>
    <div class="pair">
      ${column('a', 'b', a + 1, left, shared.left)}${column('b', 'a', b + 1, right, shared.right)}
    </div>`;
  return renderPage({ title: `Side by side: ${title}`, body });
}
