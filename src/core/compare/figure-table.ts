/**
 * Every figure of a story, read sentence by sentence (find-figures.ts), and the table of distinct
 * figures the Comparison lists: one row per kind, value and topic, with the articles that state it.
 */
import type { AnalyzedStory, Figure } from '../model.js';
import { findFigures, type FigureMention } from './find-figures.js';

/** A figure mention located in the story. */
export interface LocatedFigure extends FigureMention {
  readonly article: number;
  /** Index of the sentence in `doc.sentences`. */
  readonly sentence: number;
}

/** Year of an article's ISO date, for dates written without one. */
function yearOf(date: string | undefined): number | undefined {
  const m = /^(\d{4})-\d\d/.exec(date ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * Whether a sentence names a year before the article's own ("a 1999 incident where 13 people
 * drowned"): its counts are then about an earlier event, and are listed but never compared.
 */
function namesEarlierYear(text: string, year: number | undefined): boolean {
  for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d)\b/g))
    if (year === undefined || Number(m[1]) < year) return true;
  return false;
}

/** All figure mentions of `doc`, in reading order. */
export function locateFigures(doc: AnalyzedStory): LocatedFigure[] {
  const years = doc.story.articles.map((a) => yearOf(a.date));
  const out: LocatedFigure[] = [];
  doc.sentences.forEach((s, i) => {
    const figures = findFigures(s.text, years[s.article]);
    // Most sentences state no figure: their years are not read.
    const earlier = figures.length > 0 && namesEarlierYear(s.text, years[s.article]);
    for (const f of figures)
      out.push({
        ...f,
        ...(earlier && f.kind !== 'date' && { hedged: true }),
        article: s.article,
        sentence: i,
      });
  });
  return out;
}

/**
 * Distinct figures, most widely stated first (then in reading order), at most `max`.
 * @example figureTable(locateFigures(doc), 40)[0] // → { kind: "number", value: "12", context: "people injured", articles: [0, 2] }
 */
export function figureTable(mentions: readonly LocatedFigure[], max: number): Figure[] {
  const rows = new Map<string, { figure: Omit<Figure, 'articles'>; articles: Set<number>; first: number }>();
  mentions.forEach((m, i) => {
    if (!m.listed) return;
    const key = `${m.kind}|${m.value}|${m.head || m.context}`;
    const row = rows.get(key) ?? {
      figure: {
        kind: m.kind,
        value: m.value,
        context: m.context,
        ...(m.written && { written: m.written }),
        ...(m.phrase && { phrase: m.phrase }),
      },
      articles: new Set<number>(),
      first: i,
    };
    row.articles.add(m.article);
    rows.set(key, row);
  });
  return [...rows.values()]
    .sort((a, b) => b.articles.size - a.articles.size || a.first - b.first)
    .slice(0, max)
    .map((r) => ({ ...r.figure, articles: [...r.articles].sort((x, y) => x - y) }));
}
