/**
 * The comparison of a story's sources: what several independent outlets agree on, what only one
 * reports, who is quoted where, the people, organisations and places named, the figures stated, and
 * where the sources disagree. Pure and deterministic; it runs on every ingest, so every step is near
 * linear in the story's size (see bench/compare-speed.ts).
 */
import type { AnalyzedStory, Comparison, DuplicateLink } from '../model.js';
import { countEntities, findEntityMentions, type EntityMention } from '../entities/index.js';
import { findQuotes, type PersonLookup } from '../quotes/index.js';
import { figureDisagreements } from './figure-disagreements.js';
import { figureTable, locateFigures } from './figure-table.js';
import { nameDisagreements } from './name-disagreements.js';
import { collectFacts, type FactOptions } from './facts.js';
import { independentRoots } from './independence.js';
import { matchSentences } from './sentence-matches.js';

export interface CompareOptions extends FactOptions {
  /** Most entities listed (the most mentioned). */
  readonly maxEntities: number;
  /** Most quotes listed (the most carried). */
  readonly maxQuotes: number;
  /** Most figures listed (the most widely stated). */
  readonly maxFigures: number;
  /** Syndicated copies in the story: `article` copies `original`; copies are not independent witnesses. */
  readonly duplicates: readonly DuplicateLink[];
}

export const COMPARE_DEFAULTS: Omit<CompareOptions, 'duplicates'> = Object.freeze({
  maxAgreed: 20,
  maxUniquePerArticle: 3,
  minStems: 3,
  maxEntities: 50,
  maxQuotes: 30,
  maxFigures: 40,
});

/**
 * Compares the sources of an analysed story.
 * @example compareSources(analyzeStory(story), { duplicates: findDuplicates(story.articles) }).agreed[0]
 */
export function compareSources(
  doc: AnalyzedStory,
  options: { duplicates: readonly DuplicateLink[] } & Partial<CompareOptions>,
): Comparison {
  const o: CompareOptions = { ...COMPARE_DEFAULTS, ...options };
  const roots = independentRoots(doc.story.articles.length, o.duplicates);
  const matches = matchSentences(doc);
  const mentions = findEntityMentions(doc);
  const { agreed, unique } = collectFacts(doc, matches, roots, o, peopleBySentence(mentions));
  const entities = countEntities(mentions, o.maxEntities);
  const quotes = findQuotes(doc, personLookup(mentions), o.maxQuotes);
  const located = locateFigures(doc);
  const figures = figureTable(located, o.maxFigures);
  const disagreements = [
    ...figureDisagreements(located, (m) => doc.sentences[m.sentence]!.text, dayOf(doc)),
    ...nameDisagreements(doc, mentions),
  ];
  return Object.freeze({ agreed, unique, quotes, entities, figures, disagreements });
}

/** The day number (days since 1970) of each article's date, when it has one. */
function dayOf(doc: AnalyzedStory): (article: number) => number | undefined {
  const days = doc.story.articles.map((a) => {
    const t = a.date ? Date.parse(a.date.slice(0, 10)) : NaN;
    return Number.isNaN(t) ? undefined : Math.floor(t / 86_400_000);
  });
  return (article) => days[article];
}

/** The persons each sentence names, in reading order. */
function peopleBySentence(mentions: readonly EntityMention[]): (sentence: number) => readonly string[] {
  const bySentence = new Map<number, string[]>();
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    const list = bySentence.get(m.sentence);
    if (list) list.push(m.name);
    else bySentence.set(m.sentence, [m.name]);
  }
  return (sentence) => bySentence.get(sentence) ?? [];
}

/** A person's name as written → the story's full name for them (exact, or a surname with one owner). */
function personLookup(mentions: readonly EntityMention[]): PersonLookup {
  const names = new Set(mentions.filter((m) => m.kind === 'person').map((m) => m.name));
  const bySurname = new Map<string, string[]>();
  for (const n of names) {
    const last = n.split(' ').at(-1)!;
    if (n.includes(' ')) bySurname.set(last, [...(bySurname.get(last) ?? []), n]);
  }
  return (name) => {
    if (names.has(name) && name.includes(' ')) return name;
    const full = bySurname.get(name.split(' ').at(-1)!);
    if (full?.length === 1 && (!name.includes(' ') || full[0] === name)) return full[0];
    return names.has(name) ? name : undefined;
  };
}

export { corroborationLabel, independentRoots, independentCount } from './independence.js';
export { matchSentences, type SentenceMatch } from './sentence-matches.js';
