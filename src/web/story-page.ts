/**
 * `/stories/:id`: the story's report (the same body as the standalone report) with links to the
 * side-by-side views. A story whose report is missing or older than its articles says so plainly.
 */
import type { NewSince } from '../core/story-life.js';
import { headlineFrom } from '../core/story-title.js';
import type { StoredStory } from '../storage/store.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { renderReportBody } from './report-body.js';
import { plural, sourceAnchor } from './sections/common.js';
import { formatTime } from './format-time.js';

/** Path of the side-by-side view of sources `a` and `b` (0-based; the URL is 1-based like the markers). */
export function sourcesHref(storyId: string, a: number, b: number): string {
  return `/stories/${encodeURIComponent(storyId)}/sources?a=${a + 1}&b=${b + 1}`;
}

function pendingBody(stored: StoredStory) {
  return html`<article class="report">
    <header>
      <h1>
        ${
          stored.title ??
          stored.articles.find((a) => a.title)?.title ??
          headlineFrom(stored.articles[0]?.text.split(/(?<=[.!?])\s/)[0])
        }
      </h1>
      <p class="meta">${plural(stored.articles.length, 'article')}</p>
    </header>
    <section class="warnings" role="note">
      <h2>Report not built yet</h2>
      <p>The summary and comparison of this story are being built; reload in a moment.</p>
    </section>
    <section id="sources" class="block">
      <h2>Sources</h2>
      <ol class="sources">
        ${stored.articles.map(
          (a, i) =>
            html`<li id="${sourceAnchor(i)}" class="source">
              <span class="num">${i + 1}</span>
              <div>
                <p>
                  <strong class="outlet">${a.source}</strong
                  >${a.title ? html` · <span class="title">${a.title}</span>` : null}
                </p>
                ${a.date ? html`<p class="meta">${formatTime(a.date)}</p>` : null}
              </div>
            </li>`,
        )}
      </ol>
    </section>
  </article>`;
}

/** Path of a story's page, showing what is new since `since` when given. */
export function storyHref(storyId: string, since?: string): string {
  return `/stories/${encodeURIComponent(storyId)}${since ? `?since=${encodeURIComponent(since)}` : ''}`;
}

/**
 * The story's life under its heading: when it was first seen and last updated, its Atom feed, a form
 * to ask what is new since a time, and (when asked) how much is new.
 */
function lifeBlock(stored: StoredStory, newSince: NewSince | undefined): SafeHtml {
  const count = newSince ? newSince.sentences.length + newSince.facts.size : 0;
  const since = newSince?.since.slice(0, 16) ?? '';
  return html`<div class="life" id="life">
    <p class="meta">
      First seen <time datetime="${stored.createdAt}" id="first-seen">${formatTime(stored.createdAt)}</time> ·
      updated <time datetime="${stored.updatedAt}" id="last-updated">${formatTime(stored.updatedAt)}</time> ·
      <a href="/stories/${encodeURIComponent(stored.id)}.atom" type="application/atom+xml">Atom feed</a>
    </p>
    <form method="get" action="/stories/${encodeURIComponent(stored.id)}" class="since">
      <label for="since">What is new since (UTC)</label>
      <input id="since" type="datetime-local" name="since" value="${since}" required />
      <button type="submit">Show</button>
      ${newSince ? html`<a href="${storyHref(stored.id)}">Clear</a>` : null}
    </form>
    ${
      newSince
        ? html`<p class="notice" role="status" id="new-since">
            ${
              count === 0
                ? `Nothing new since ${formatTime(newSince.since)}.`
                : `${plural(newSince.sentences.length, 'summary sentence')} and ${plural(newSince.facts.size, 'fact')} new since ${formatTime(newSince.since)}, marked “new”.`
            }
          </p>`
        : null
    }
  </div>`;
}

/**
 * The story page of a stored story; with `newSince`, what entered after that time is highlighted.
 * @example reply.type('text/html').send(renderStoryPage(await store.getStory(id)))
 */
export function renderStoryPage(stored: StoredStory, newSince?: NewSince): string {
  const { report } = stored;
  if (!report) return renderPage({ title: stored.title ?? 'Story', body: pendingBody(stored) });
  const notices: string[] = [];
  const missing = stored.articles.length - report.story.articles.length;
  if ((stored.reportVersion ?? 0) < stored.version)
    notices.push(
      missing > 0
        ? `This report is being rebuilt: ${plural(missing, 'newer article is', 'newer articles are')} not in it yet.`
        : 'This report is being rebuilt after the story changed.',
    );
  const body = renderReportBody(report, {
    notices,
    compareHref: (a, b) => sourcesHref(stored.id, a, b),
    collapsePassages: true,
    life: lifeBlock(stored, newSince),
    ...(newSince && { newSince }),
  });
  return renderPage({ title: stored.title ?? report.story.title ?? 'Story', body });
}
