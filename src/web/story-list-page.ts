/** `/` and `/search`: the story list, newest or biggest first, paged, with lead sentence and sources. */
import { headlineFrom } from '../core/story-title.js';
import type { Page, StoryListItem } from '../storage/store.js';
import { formatSpan } from './format-time.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { plural } from './sections/common.js';

export type StoryOrder = 'newest' | 'biggest';

export interface StoryListView {
  readonly order: StoryOrder;
  /** The search words, on `/search`. */
  readonly search?: string;
}

/** Path of the list with these settings (`/?order=biggest&offset=20`, `/search?q=…`). */
export function storyListHref(view: StoryListView, offset: number): string {
  const params = new URLSearchParams();
  if (view.search !== undefined) params.set('q', view.search);
  if (view.order !== 'newest') params.set('order', view.order);
  if (offset > 0) params.set('offset', String(offset));
  const qs = params.toString();
  return `${view.search !== undefined ? '/search' : '/'}${qs ? `?${qs}` : ''}`;
}

function storyItem(item: StoryListItem): SafeHtml {
  const shown = item.sources.slice(0, 6);
  const more = item.sources.length - shown.length;
  return html`<li>
    <h2>
      <a href="/stories/${encodeURIComponent(item.id)}"
        >${item.title ?? headlineFrom(item.lead) ?? `${plural(item.articleCount, 'article')}, report being built`}</a
      >
    </h2>
    ${item.lead ? html`<p class="lead">${item.lead}</p>` : null}
    <p class="meta">
      <strong>${plural(item.sourceCount, 'source')}</strong>:
      ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}
    </p>
    <p class="meta">
      <time datetime="${item.firstAt}">${formatSpan(item.firstAt, item.lastAt)}</time
      >${item.articleCount !== item.sourceCount ? ` · ${plural(item.articleCount, 'article')}` : ''}
    </p>
  </li>`;
}

/**
 * The story list page for one page of results.
 * @example renderStoryList(await store.listStories({ order: 'biggest' }), { order: 'biggest' })
 */
export function renderStoryList(page: Page<StoryListItem>, view: StoryListView): string {
  const searching = view.search !== undefined;
  const heading = searching ? (view.search ? `Stories matching “${view.search}”` : 'Search') : 'Stories';
  const toggle = html`<p class="toggle" aria-label="Order">
    ${(['newest', 'biggest'] as const).map(
      (o) =>
        html`<a
          href="${storyListHref({ ...view, order: o }, 0)}"
          ${o === view.order ? html` aria-current="page"` : null}
          >${o === 'newest' ? 'Newest first' : 'Biggest first'}</a
        > `,
    )}
  </p>`;
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.items.length;
  const prev = page.offset > 0 ? Math.max(0, page.offset - page.limit) : undefined;
  const next = last < page.total ? page.offset + page.limit : undefined;
  const empty =
    page.total > 0
      ? html`<p class="empty">
          Nothing on this page (${plural(page.total, 'story', 'stories')} in all).
          <a href="${storyListHref(view, 0)}">Back to the first page</a>.
        </p>`
      : searching
        ? view.search
          ? html`<p class="empty">No story matches “${view.search}”.</p>`
          : html`<p class="empty">Type some words to search titles and texts.</p>`
        : html`<p class="empty">No stories yet. <a href="/upload">Upload some articles</a>.</p>`;
  const body = html`<h1>${heading}</h1>
    <div class="toolbar">${toggle}<a class="button secondary" href="/upload">Upload articles</a></div>
    ${page.items.length ? html`<p class="meta">${first}–${last} of ${plural(page.total, 'story', 'stories')}</p>` : null}
    ${
      page.items.length
        ? html`<ol class="stories">
            ${page.items.map(storyItem)}
          </ol>`
        : empty
    }
    <nav class="pager" aria-label="Pages">
      ${prev !== undefined ? html`<a rel="prev" href="${storyListHref(view, prev)}">← Previous</a>` : html`<span></span>`}${next !== undefined ? html`<a rel="next" href="${storyListHref(view, next)}">Next →</a>` : null}
    </nav>`;
  return renderPage({ title: heading, body, ...(view.search !== undefined && { query: view.search }) });
}
