/**
 * Quotes of a story with their speakers, and which articles carry each. Speakers are given one name
 * per person across outlets: titles are dropped and a surname becomes the full name the story uses
 * ("Mayor Lena Ortiz", "Ortiz" → "Lena Ortiz"); a pronoun becomes the last person named before the
 * quote in the same or the previous paragraph.
 */
import type { AnalyzedStory, Quote } from '../model.js';
import { capitalizedRuns } from '../entities/capitalized-runs.js';
import { classifyRun } from '../entities/classify-run.js';
import personTitles from '../entities/person-titles.json' with { type: 'json' };
import { attributeQuote } from './attribution.js';
import { mergeQuotes, type FoundQuote } from './merge-quotes.js';
import { paragraphs, quoteSpans } from './quote-spans.js';

const ROLES: ReadonlySet<string> = new Set(personTitles.roles);

/** Maps a name as written (titles already removed) to the story's name for that person, if known. */
export type PersonLookup = (name: string) => string | undefined;

/**
 * Quotes of `doc`, merged across articles (close variants are one quote), most carried first.
 * @example findQuotes(doc, (n) => n === 'Ortiz' ? 'Lena Ortiz' : undefined)[0] // → { text, speaker: "Lena Ortiz", articles: [0, 2] }
 */
export function findQuotes(doc: AnalyzedStory, people: PersonLookup, max = 30): Quote[] {
  const found: FoundQuote[] = [];
  doc.story.articles.forEach((article, a) => {
    const paras = paragraphs(article.text);
    paras.forEach((p, i) => {
      let previous: string | undefined;
      for (const span of quoteSpans(p, i)) {
        const at = attributeQuote(p, span.open, span.close, span.text);
        let speaker: string | undefined;
        if (at?.pronoun) speaker = lastPerson(`${paras[i - 1] ?? ''} ${p.slice(0, span.open)}`, people);
        else if (at) speaker = canonical(at.speaker, people);
        // News style: a quote that follows an attributed one in the same paragraph, with no
        // attribution of its own, continues the same speaker ("…," Ortiz said. "…").
        else speaker = previous;
        previous = speaker;
        found.push({ text: span.text, article: a, ...(speaker && { speaker }) });
      }
    });
  });
  return mergeQuotes(found).slice(0, max);
}

/**
 * The speaker's name without titles, roles or affiliation, as the story names that person ("Analyst
 * Tamsin Ruiz-Halvorsen of Copperline Securities" → "Tamsin Ruiz-Halvorsen"); described sources stay as
 * written.
 */
function canonical(speaker: string, people: PersonLookup): string {
  if (!/^\p{Lu}/u.test(speaker)) return speaker;
  const bare = speaker.replace(/\s+(?:of|at|from|for|with)\s+\p{Lu}.*$/u, '');
  const run = capitalizedRuns(bare)[0];
  let name = run ? (classifyRun({ ...run, initial: false }, () => false)?.name ?? bare) : bare;
  const words = name.split(' ');
  while (words.length > 1 && ROLES.has(words[0]!.toLowerCase())) words.shift();
  name = words.join(' ');
  return people(name) ?? name;
}

/** The last known person named in `text`, for "he said" / "she said". */
function lastPerson(text: string, people: PersonLookup): string | undefined {
  let last: string | undefined;
  for (const run of capitalizedRuns(text)) {
    const c = classifyRun({ ...run, initial: false }, () => false);
    if (!c) continue;
    // A known person, or two to four capitalised words no rule made a place or an organisation
    // ("Marisa Delgado-Klein, who tests robot arms…").
    const name =
      people(c.name) ??
      (c.kind === undefined && run.words.length >= 2 && run.words.length <= 4 ? c.name : undefined);
    if (name) last = name;
  }
  return last;
}
