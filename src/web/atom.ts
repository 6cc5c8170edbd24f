/**
 * Atom 1.0 documents (RFC 4287) of stories: the list of new and updated stories (`/stories.atom`, and
 * per saved search `/search.atom?q=`), and one story's life (`/stories/:id.atom`: each summary sentence
 * and fact as an entry dated when it first appeared). Entry ids are the stories' permalinks, which
 * survive re-clustering (a merged story's permalink redirects to the story it joined), so a feed reader
 * never sees one story twice. Every text is escaped; content is HTML escaped into `type="html"`.
 */
import { factKey, reportFacts, sentenceKey } from '../core/story-life.js';
import type { StoredStory, StoryListItem } from '../storage/store.js';
import { escapeHtml } from './html.js';

export interface AtomEntry {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly updated: string;
  readonly published?: string;
  /** Plain text; escaped here. */
  readonly summary?: string;
  /** HTML; escaped here into `<content type="html">`. */
  readonly contentHtml?: string;
  readonly authors?: readonly string[];
}

export interface AtomFeed {
  readonly id: string;
  readonly title: string;
  /** This document's own URL. */
  readonly self: string;
  /** The page it follows. */
  readonly alternate: string;
  /** Latest `updated` of the entries (required by Atom even when there are none). */
  readonly updated: string;
  readonly entries: readonly AtomEntry[];
}

/** Escapes text for XML content and attribute values, and drops characters XML 1.0 cannot carry. */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in XML 1.0
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
}

/** Atom's date format (RFC 3339): a valid time, else the epoch rather than an invalid document. */
function rfc3339(iso: string): string {
  const t = Date.parse(iso);
  return new Date(Number.isFinite(t) ? t : 0).toISOString();
}

function entryXml(e: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${xmlText(e.id)}</id>`,
    `    <title type="text">${xmlText(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
    `    <updated>${rfc3339(e.updated)}</updated>`,
    ...(e.published ? [`    <published>${rfc3339(e.published)}</published>`] : []),
    ...(e.authors ?? []).map((a) => `    <author><name>${xmlText(a)}</name></author>`),
    ...(e.summary ? [`    <summary type="text">${xmlText(e.summary)}</summary>`] : []),
    ...(e.contentHtml ? [`    <content type="html">${xmlText(e.contentHtml)}</content>`] : []),
    '  </entry>',
  ].join('\n');
}

/** The Atom document of `feed`. */
export function renderAtom(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    '  <author><name>Chorus</name></author>',
    '  <generator>Chorus</generator>',
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}

/** Permalink of a story under `base` (scheme and host, no trailing slash). */
export const storyPermalink = (base: string, id: string) => `${base}/stories/${encodeURIComponent(id)}`;

const latest = (times: readonly string[], fallback: string) =>
  times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), times[0] ?? fallback);

/**
 * A feed of stories (new and updated first): one entry per story, updated when the story last changed.
 * @example storiesAtom(page.items, 'http://127.0.0.1:8080', { title: 'Chorus stories', self, alternate })
 */
export function storiesAtom(
  stories: readonly StoryListItem[],
  base: string,
  meta: { readonly title: string; readonly self: string; readonly alternate: string; readonly now: string },
): string {
  const entries = stories.map((s): AtomEntry => {
    const link = storyPermalink(base, s.id);
    const sources = `${s.articleCount} article${s.articleCount === 1 ? '' : 's'} from ${s.sources.join(', ')}`;
    return {
      id: link,
      title: s.title ?? s.lead ?? 'Untitled story',
      link,
      updated: s.updatedAt,
      published: s.firstAt,
      summary: s.lead ? `${s.lead} (${sources})` : sources,
    };
  });
  return renderAtom({
    id: meta.self,
    title: meta.title,
    self: meta.self,
    alternate: meta.alternate,
    updated: latest(
      entries.map((e) => e.updated),
      meta.now,
    ),
    entries,
  });
}

/**
 * One story's life as a feed: each summary sentence and fact of its report, dated when it first
 * appeared (`firstSeen`, by key), newest first; a report from before first-seen times were kept gives
 * one entry for the story itself.
 */
export function storyAtom(
  stored: StoredStory,
  firstSeen: ReadonlyMap<string, string>,
  base: string,
  meta: { readonly self: string },
): string {
  const link = storyPermalink(base, stored.id);
  const report = stored.report;
  const title = stored.title ?? report?.story.title ?? 'Untitled story';
  const entries: AtomEntry[] = [];
  if (report) {
    const outlet = (i: number) => report.story.articles[i]?.source ?? '?';
    report.summary.sentences.forEach((s, i) => {
      const key = sentenceKey(s);
      const seen = firstSeen.get(key);
      if (!seen) return;
      const cited = [...new Set(s.citations.map((c) => c.source || outlet(c.article)))];
      entries.push({
        id: `${link}#${encodeURIComponent(key)}`,
        title: s.text,
        link: `${link}#summary-${i + 1}`,
        updated: seen,
        published: seen,
        authors: cited,
        contentHtml: `<p>${escapeHtml(s.text)}</p><p>Cited: ${cited.map(escapeHtml).join(', ')}</p>`,
      });
    });
    for (const f of reportFacts(report)) {
      const key = factKey(report, f);
      const seen = firstSeen.get(key);
      if (!seen) continue;
      const by = [...new Set(f.articles.map(outlet))];
      entries.push({
        id: `${link}#${encodeURIComponent(key)}`,
        title: f.text,
        link: `${link}#${f.articles.length > 1 ? 'agreed' : 'unique'}`,
        updated: seen,
        published: seen,
        authors: by,
        contentHtml: `<p>${escapeHtml(f.text)}</p><p>Reported by: ${by.map(escapeHtml).join(', ')}</p>`,
      });
    }
  }
  entries.sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
  if (entries.length === 0)
    entries.push({ id: link, title, link, updated: stored.updatedAt, published: stored.createdAt });
  return renderAtom({
    id: link,
    title,
    self: meta.self,
    alternate: link,
    updated: latest([stored.updatedAt, ...entries.map((e) => e.updated)], stored.updatedAt),
    entries,
  });
}
