/** `/` and `/search`: the story list, newest or biggest first, paged, with lead sentence and sources. */
import { headlineFrom } from '../core/story-title.js';
import type { Page, StoryListItem } from '../storage/store.js';
import { formatSpan } from './format-time.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { hasPrefs, prefsQuery, type ReaderPrefs } from './reader-prefs.js';
import { plural } from './sections/common.js';

export type StoryOrder = 'newest' | 'biggest';

export interface StoryListView {
  readonly order: StoryOrder;
  /** The search words, on `/search`. */
  readonly search?: string;
  /** The reader controls in force (muted outlets and words, language). */
  readonly prefs?: ReaderPrefs;
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

/** Path of the list with `prefs` as the reader controls (the server keeps them in a cookie too). */
function prefsHref(view: StoryListView, prefs: ReaderPrefs): string {
  const params = prefsQuery(prefs);
  if (view.search !== undefined) params.set('q', view.search);
  if (view.order !== 'newest') params.set('order', view.order);
  // An explicit marker, so that a list with no controls left still overrides the cookie.
  params.set('prefs', '1');
  return `${view.search !== undefined ? '/search' : '/'}?${params.toString()}`;
}

/** The controls: the form, and what is in force with a way to clear it. */
function readerControls(view: StoryListView, hidden: number | undefined): SafeHtml {
  const prefs = view.prefs ?? { mute: [], hide: [] };
  const active = [
    prefs.mute.length ? `muted outlets: ${prefs.mute.join(', ')}` : '',
    prefs.hide.length ? `hidden words: ${prefs.hide.join(', ')}` : '',
    prefs.lang ? `language: ${prefs.lang}` : '',
  ].filter(Boolean);
  return html`<details class="block" id="reader-controls" ${active.length ? html`open` : null}>
    <summary>Reader controls${active.length ? ` (${active.length} in force)` : ''}</summary>
    <form class="reader-controls" method="get" action="${view.search !== undefined ? '/search' : '/'}">
      ${view.search !== undefined ? html`<input type="hidden" name="q" value="${view.search}" />` : null}
      ${view.order !== 'newest' ? html`<input type="hidden" name="order" value="${view.order}" />` : null}
      <input type="hidden" name="prefs" value="1" />
      <div>
        <label for="rc-mute">Mute outlets (comma-separated)</label>
        <input id="rc-mute" type="text" name="mute" value="${prefs.mute.join(', ')}" maxlength="1700" />
      </div>
      <div>
        <label for="rc-hide">Hide stories with words</label>
        <input id="rc-hide" type="text" name="hide" value="${prefs.hide.join(', ')}" maxlength="1700" />
      </div>
      <div>
        <label for="rc-lang">Language (two letters, e.g. en)</label>
        <input
          id="rc-lang"
          type="text"
          name="lang"
          value="${prefs.lang ?? ''}"
          pattern="[A-Za-z]{2}"
          maxlength="2"
          size="3"
        />
      </div>
      <button type="submit">Apply</button>
    </form>
    ${
      active.length
        ? html`<p class="meta" id="reader-active">
            In force: ${active.join(' · ')}${hidden ? ` (${plural(hidden, 'story', 'stories')} hidden)` : ''}
            ·
            <a href="${prefsHref(view, { mute: [], hide: [] })}" id="reader-clear">Clear</a>
          </p>`
        : null
    }
  </details>`;
}

function storyItem(item: StoryListItem, view: StoryListView): SafeHtml {
  const prefs = view.prefs ?? { mute: [], hide: [] };
  const mutable = item.sources.filter((s) => !prefs.mute.includes(s)).slice(0, 6);
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
    ${
      mutable.length
        ? html`<details class="mute-menu">
            <summary>Mute an outlet</summary>
            ${mutable.map(
              (o) =>
                html`<a class="mute" href="${prefsHref(view, { ...prefs, mute: [...prefs.mute, o] })}"
                  >Mute ${o}</a
                > `,
            )}
          </details>`
        : null
    }
  </li>`;
}

/**
 * The story list page for one page of results.
 * @example renderStoryList(await store.listStories({ order: 'biggest' }), { order: 'biggest' })
 */
export function renderStoryList(
  page: Page<StoryListItem>,
  view: StoryListView,
  /** Stories the reader controls hide, when known (told beside the controls). */
  hidden?: number,
): string {
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
        : view.prefs && hasPrefs(view.prefs)
          ? html`<p class="empty">The reader controls hide every story. Change or clear them above.</p>`
          : html`<p class="empty">No stories yet. <a href="/upload">Upload some articles</a>.</p>`;
  const body = html`<h1>${heading}</h1>
    <div class="toolbar">${toggle}<a class="button secondary" href="/upload">Upload articles</a></div>
    ${readerControls(view, hidden)}
    ${page.items.length ? html`<p class="meta">${first}–${last} of ${plural(page.total, 'story', 'stories')}</p>` : null}
    ${
      page.items.length
        ? html`<ol class="stories">
            ${page.items.map((item) => storyItem(item, view))}
          </ol>`
        : empty
    }
    <nav class="pager" aria-label="Pages">
      ${prev !== undefined ? html`<a rel="prev" href="${storyListHref(view, prev)}">← Previous</a>` : html`<span></span>`}${next !== undefined ? html`<a rel="next" href="${storyListHref(view, next)}">Next →</a>` : null}
    </nav>`;
  return renderPage({ title: heading, body, ...(view.search !== undefined && { query: view.search }) });
}
