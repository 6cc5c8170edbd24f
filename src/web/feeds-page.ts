/**
 * `/feeds`: the feeds the server follows, each with its state (active or paused), last poll, next poll,
 * last error and articles stored from it; a form to add one; and buttons to poll now, pause or resume,
 * and remove. Every form is a plain POST to this server's own page routes, so the page works without
 * its script. The server refuses a post another site's page sent (its `Origin`) and, when it has a
 * token, one without the token: each form then carries a token field.
 */
import { formatTime } from './format-time.js';
import { html, safeHttpUrl, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';

/** A feed as the page shows it (the store's record plus the worker's schedule). */
export interface FeedView {
  readonly id: string;
  readonly url: string;
  readonly title?: string;
  readonly lastPolledAt?: string;
  readonly lastError?: string;
  readonly pausedAt?: string;
  readonly articleCount?: number;
  /** When the worker polls it next (absent when paused or when no worker runs). */
  readonly nextPollAt?: string;
}

export interface FeedsPageOptions {
  readonly feeds: readonly FeedView[];
  /** The server requires a token for writes: every form asks for it. */
  readonly tokenRequired: boolean;
  /** False when this server runs no worker: feeds are polled only on demand. */
  readonly polling: boolean;
  /** What the last action did ("Added …"), shown above the list. */
  readonly notice?: string;
  /** Why the last action was refused, shown above the list (the page is then answered with its status). */
  readonly problem?: string;
  /** What to keep in the add form after a refusal. */
  readonly typed?: { readonly url?: string; readonly title?: string };
}

/** Path of the page and its actions. */
export const FEEDS_PATH = '/feeds';
export const feedActionPath = (id: string, action: 'poll' | 'pause' | 'resume' | 'remove') =>
  `${FEEDS_PATH}/${encodeURIComponent(id)}/${action}`;

function tokenField(options: FeedsPageOptions, id: string): SafeHtml | null {
  if (!options.tokenRequired) return null;
  return html`<label class="sr" for="${id}">Access token</label
    ><input
      id="${id}"
      type="password"
      name="token"
      placeholder="Access token"
      autocomplete="current-password"
      required
    />`;
}

function actionButton(
  options: FeedsPageOptions,
  feed: FeedView,
  n: number,
  action: 'poll' | 'pause' | 'resume' | 'remove',
  label: string,
) {
  return html`<form method="post" action="${feedActionPath(feed.id, action)}" class="inline">
    ${tokenField(options, `token-${action}-${n}`)}<button type="submit" name="action" value="${action}">
      ${label}
    </button>
  </form>`;
}

function feedItem(options: FeedsPageOptions, feed: FeedView, n: number): SafeHtml {
  const href = safeHttpUrl(feed.url);
  const state = feed.pausedAt
    ? html`<span class="feed-state paused">paused since ${formatTime(feed.pausedAt)}</span>`
    : html`<span class="feed-state active">active</span>`;
  const next = feed.pausedAt
    ? 'not while paused'
    : feed.nextPollAt
      ? formatTime(feed.nextPollAt)
      : options.polling
        ? 'soon'
        : 'only when asked (no worker runs)';
  return html`<li class="feed" data-feed-id="${feed.id}">
    <h2>${feed.title ?? feed.url}</h2>
    <p class="meta">
      ${href ? html`<a href="${href}" rel="nofollow noopener">${feed.url}</a>` : feed.url} · ${state}
    </p>
    <dl class="feed-facts">
      <dt>Articles</dt>
      <dd class="feed-articles">${feed.articleCount ?? 0}</dd>
      <dt>Last poll</dt>
      <dd class="feed-last-poll">${feed.lastPolledAt ? formatTime(feed.lastPolledAt) : 'never'}</dd>
      <dt>Next poll</dt>
      <dd class="feed-next-poll">${next}</dd>
      ${
        feed.lastError
          ? html`<dt>Last error</dt>
              <dd class="feed-error problem">${feed.lastError}</dd>`
          : null
      }
    </dl>
    <div class="feed-actions">
      ${actionButton(options, feed, n, 'poll', 'Poll now')}
      ${feed.pausedAt ? actionButton(options, feed, n, 'resume', 'Resume') : actionButton(options, feed, n, 'pause', 'Pause')}
      ${actionButton(options, feed, n, 'remove', 'Remove')}
    </div>
  </li>`;
}

/**
 * The feeds page.
 * @example renderFeedsPage({ feeds: [], tokenRequired: false, polling: true })
 */
export function renderFeedsPage(options: FeedsPageOptions): string {
  const body = html`<h1>Feeds</h1>
    <p>
      Chorus polls these RSS and Atom feeds ${options.polling ? 'on its schedule' : 'when asked'}, reads each
      new item's page and files it under the story it reports. Removing a feed keeps the articles already
      stored.
    </p>
    ${options.notice ? html`<p class="notice" role="status" id="feeds-notice">${options.notice}</p>` : null}
    ${options.problem ? html`<p class="problem" role="alert" id="feeds-problem">${options.problem}</p>` : null}
    <form class="block add-feed" method="post" action="${FEEDS_PATH}" id="add-feed">
      <label for="feed-url">Feed address (http or https)</label>
      <input
        id="feed-url"
        type="url"
        name="url"
        required
        maxlength="4000"
        value="${options.typed?.url ?? ''}"
        placeholder="https://news.example/feed.xml"
      />
      <label for="feed-title">Name (optional)</label>
      <input id="feed-title" type="text" name="title" maxlength="500" value="${options.typed?.title ?? ''}" />
      ${tokenField(options, 'feed-token')}
      <p><button type="submit">Add feed</button></p>
    </form>
    ${
      options.feeds.length === 0
        ? html`<p class="empty" id="no-feeds">No feeds yet. Add one above.</p>`
        : html`<ul class="feeds" id="feeds">
            ${options.feeds.map((f, i) => feedItem(options, f, i))}
          </ul>`
    }`;
  return renderPage({ title: 'Feeds', body });
}
