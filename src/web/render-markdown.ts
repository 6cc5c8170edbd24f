/**
 * The readable report `chorus summarize` prints: the cited summary, the sources, then the comparison.
 * Markers are 1-based article numbers, the same numbers the source list uses; a quotation shown over
 * several summary sentences gets its marker after its closing piece (marker-slots.ts).
 */
import { corroborationLabel } from '../core/compare/index.js';
import type { Citation, StoryReport } from '../core/model.js';
import { markerSlots } from './marker-slots.js';

/**
 * Article text as inert Markdown: raw HTML in a headline or a sentence (`<img onerror=…>`) would be
 * live HTML wherever the Markdown is rendered, and `*`, `_`, `[` would restyle or link it. Entities
 * for `<`, `>` and an `&` that would start an entity; a backslash before Markdown's punctuation.
 */
export function mdText(text: string): string {
  return (
    text
      // An ampersand matters only where it would start an entity ("&lt;"); "Halvorsen & Pike" stays.
      .replace(/&(?=#?\w+;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]#|~])/g, '\\$1')
  );
}

/** A URL inside `<…>`: the characters that would end it or start HTML are percent-escaped. */
function mdUrl(url: string): string {
  return url.replace(/[<>\s"]/g, (c) => encodeURIComponent(c));
}

/** `[1,3]` for citations of articles 0 and 2. */
export function citationMarker(citations: readonly Citation[]): string {
  return `[${citations.map((c) => c.article + 1).join(',')}]`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sourceLabel(report: StoryReport, articles: readonly number[]): string {
  return articles.map((a) => `[${a + 1}] ${mdText(report.story.articles[a]?.source ?? '?')}`).join(', ');
}

function section(title: string, lines: readonly string[], empty: string): string[] {
  return [`## ${title}`, '', ...(lines.length ? lines : [`_${empty}_`]), ''];
}

export interface MarkdownOptions {
  /** Most items listed per comparison section (the JSON output has all of them). */
  readonly maxItems: number;
}

const MARKDOWN_DEFAULTS: MarkdownOptions = { maxItems: 8 };

/** Renders a story report as Markdown. */
export function renderMarkdown(report: StoryReport, options: Partial<MarkdownOptions> = {}): string {
  const { maxItems } = { ...MARKDOWN_DEFAULTS, ...options };
  const { story, summary, comparison } = report;
  const title = story.title ?? story.articles.find((a) => a.title)?.title ?? 'Story';
  const out: string[] = [`# ${mdText(title)}`, ''];
  const slots = markerSlots(summary.sentences);
  out.push(
    `_${plural(story.articles.length, 'source')} · ${summary.words} words · method \`${summary.method}\`_`,
    '',
  );

  out.push(
    ...section(
      'Summary',
      summary.sentences.length
        ? [
            summary.sentences
              .map((s, i) => [mdText(s.text), ...slots[i]!.map((m) => citationMarker(m.citations))].join(' '))
              .join(' '),
          ]
        : [],
      // The summarizer's first warning says why nothing was chosen (no sentences, or a budget too small).
      `no summary: ${summary.warnings[0] ?? 'no usable sentences in the sources'}`,
    ),
  );

  const copies = new Map(report.duplicates.map((d) => [d.article, d]));
  out.push(
    ...section(
      'Sources',
      story.articles.map((a, i) => {
        const meta = [a.title && `“${a.title}”`, a.byline, a.date]
          .filter((m): m is string => Boolean(m))
          .map(mdText)
          .join(' · ');
        const copy = copies.get(i);
        const note = copy
          ? ` _(copy of [${copy.original + 1}], ${Math.round(copy.similarity * 100)}% similar)_`
          : '';
        return `${i + 1}. **${mdText(a.source)}**${meta ? ` ${meta}` : ''}${a.url ? ` <${mdUrl(a.url)}>` : ''}${note}`;
      }),
      'no sources',
    ),
  );

  out.push(
    ...section(
      'What the sources agree on',
      comparison.agreed
        .slice(0, maxItems)
        .map(
          (f) =>
            `- ${mdText(f.text)} — ${corroborationLabel(f.articles, report.duplicates, story.articles.length)}: ${sourceLabel(report, f.articles)}`,
        ),
      'no fact is carried by more than one independent source',
    ),
  );

  const unique = comparison.unique.filter((u) => u.facts.length > 0);
  out.push(
    ...section(
      'Reported by one source only',
      unique.flatMap((u) => [
        `- **[${u.article + 1}] ${mdText(story.articles[u.article]?.source ?? '?')}**`,
        ...u.facts.slice(0, Math.max(1, Math.floor(maxItems / 2))).map((f) => `  - ${mdText(f.text)}`),
      ]),
      // With one source everything is "one source only"; saying nothing is would read as a contradiction.
      story.articles.length === 1
        ? 'one source: everything above comes from it alone'
        : 'nothing is reported by one source alone',
    ),
  );

  out.push(
    ...section(
      'Disagreements',
      comparison.disagreements
        .slice(0, maxItems)
        .flatMap((d) => [
          `- **${mdText(d.topic)}**`,
          ...d.sides.map(
            (s) =>
              `  - ${mdText(s.written ?? s.value)}: ${sourceLabel(report, s.articles)} — “${mdText(s.text)}”`,
          ),
        ]),
      'no disagreement found',
    ),
  );

  out.push(
    ...section(
      'Who said what',
      comparison.quotes
        .slice(0, maxItems)
        .map(
          (q) =>
            `- ${mdText(q.speaker ?? 'unattributed')}: “${mdText(q.text)}” — ${sourceLabel(report, q.articles)}`,
        ),
      'no quotes',
    ),
  );

  out.push(
    ...section(
      'People, organisations and places',
      comparison.entities.slice(0, maxItems * 2).map((e) => {
        const total = Object.values(e.mentions).reduce((a, b) => a + b, 0);
        return `- ${mdText(e.name)} (${e.kind}) — ${plural(total, 'mention')} in ${plural(Object.keys(e.mentions).length, 'source')}`;
      }),
      'no named entities found',
    ),
  );

  const warnings = [
    ...report.warnings.map(mdText),
    ...story.articles.flatMap((a, i) => a.warnings.map((w) => `[${i + 1}] ${mdText(w)}`)),
  ];
  if (warnings.length)
    out.push(
      ...section(
        'Warnings',
        warnings.map((w) => `- ${w}`),
        '',
      ),
    );
  return out.join('\n').trimEnd() + '\n';
}
