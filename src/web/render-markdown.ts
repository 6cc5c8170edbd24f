/**
 * The readable report `chorus summarize` prints: the cited summary, the sources, then the comparison.
 * Markers are 1-based article numbers, the same numbers the source list uses.
 */
import { corroborationLabel } from '../core/compare/index.js';
import type { Citation, StoryReport } from '../core/model.js';

/** `[1,3]` for citations of articles 0 and 2. */
export function citationMarker(citations: readonly Citation[]): string {
  return `[${citations.map((c) => c.article + 1).join(',')}]`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sourceLabel(report: StoryReport, articles: readonly number[]): string {
  return articles.map((a) => `[${a + 1}] ${report.story.articles[a]?.source ?? '?'}`).join(', ');
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
  const out: string[] = [`# ${title}`, ''];
  out.push(
    `_${plural(story.articles.length, 'source')} · ${summary.words} words · method \`${summary.method}\`_`,
    '',
  );

  out.push(
    ...section(
      'Summary',
      summary.sentences.length
        ? [summary.sentences.map((s) => `${s.text} ${citationMarker(s.citations)}`).join(' ')]
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
        const meta = [a.title && `“${a.title}”`, a.byline, a.date].filter(Boolean).join(' · ');
        const copy = copies.get(i);
        const note = copy
          ? ` _(copy of [${copy.original + 1}], ${Math.round(copy.similarity * 100)}% similar)_`
          : '';
        return `${i + 1}. **${a.source}**${meta ? ` ${meta}` : ''}${a.url ? ` <${a.url}>` : ''}${note}`;
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
            `- ${f.text} — ${corroborationLabel(f.articles, report.duplicates, story.articles.length)}: ${sourceLabel(report, f.articles)}`,
        ),
      'no fact is carried by more than one independent source',
    ),
  );

  const unique = comparison.unique.filter((u) => u.facts.length > 0);
  out.push(
    ...section(
      'Reported by one source only',
      unique.flatMap((u) => [
        `- **[${u.article + 1}] ${story.articles[u.article]?.source ?? '?'}**`,
        ...u.facts.slice(0, Math.max(1, Math.floor(maxItems / 2))).map((f) => `  - ${f.text}`),
      ]),
      'nothing is reported by one source alone',
    ),
  );

  out.push(
    ...section(
      'Disagreements',
      comparison.disagreements
        .slice(0, maxItems)
        .flatMap((d) => [
          `- **${d.topic}**`,
          ...d.sides.map((s) => `  - ${s.value}: ${sourceLabel(report, s.articles)} — “${s.text}”`),
        ]),
      'no disagreement found',
    ),
  );

  out.push(
    ...section(
      'Who said what',
      comparison.quotes
        .slice(0, maxItems)
        .map((q) => `- ${q.speaker ?? 'unattributed'}: “${q.text}” — ${sourceLabel(report, q.articles)}`),
      'no quotes',
    ),
  );

  out.push(
    ...section(
      'People, organisations and places',
      comparison.entities.slice(0, maxItems * 2).map((e) => {
        const total = Object.values(e.mentions).reduce((a, b) => a + b, 0);
        return `- ${e.name} (${e.kind}) — ${plural(total, 'mention')} in ${plural(Object.keys(e.mentions).length, 'source')}`;
      }),
      'no named entities found',
    ),
  );

  const warnings = [
    ...report.warnings,
    ...story.articles.flatMap((a, i) => a.warnings.map((w) => `[${i + 1}] ${w}`)),
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
