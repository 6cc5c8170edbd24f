/**
 * The chooser's second reading (choose-speaker.ts chooseSpeakers): each quote read again with what
 * the first reading answered for its neighbours. News continues a speaker across quotes ("…,” Kale
 * said. “…,” she added. ¶ “…”), and the first reading sees only what the rules proposed for the quote
 * before (speaker-candidates.ts `chain`, `previousSpeaker`), not whom the chooser itself picked there
 * or how sure it was. Stacked generalisation (Wolpert 1992): the second reading is fitted on the
 * first's answers held out by fold (lab/speakers/train.ts), so that it learns how far a first answer
 * can be trusted on text it was not fitted on.
 */
import { SPEAKER_FEATURES, type CueKind } from './speaker-candidates.js';

/** Where a quote stands among the article's quotes: what the second reading needs of its text. */
export interface QuoteLinks {
  /** The quote's paragraph (index in the article). */
  readonly paragraph: number;
  /** Full names of the people named outside quotes between the quote before and this one. */
  readonly namedSincePrevious: readonly string[];
}

/** The first reading's answer for one quote: its most likely candidate and that candidate's probability. */
export interface FirstAnswer {
  readonly speaker?: string;
  readonly p: number;
  /** Whether the first reading names it (p at or above its kind's threshold). */
  readonly named: boolean;
}

/** What the second reading reads of each quote. */
export interface LinkedQuote {
  readonly candidates: readonly { readonly speaker: string; readonly features: readonly number[] }[];
  readonly kind: CueKind;
  readonly links: QuoteLinks;
}

/** Names of the second reading's features, in the order neighbourFeatures gives them. */
export const NEIGHBOUR_FEATURES = [
  'previousAnswer',
  'previousAnswerP',
  'previousAnswerNamed',
  'previousUnsureP',
  'previousPronounMatch',
  'previousPronounClash',
  'nextAnswerP',
  'paragraphOneSpeaker',
  'paragraphOtherSpeaker',
  'otherThanPreviousP',
  'lastAnswer',
  'answeredBefore',
] as const;

const PRONOUN_MATCH = SPEAKER_FEATURES.indexOf('pronounMatch');
const PRONOUN_MISMATCH = SPEAKER_FEATURES.indexOf('pronounMismatch');

/**
 * The first answer of quote `from` when it may go on to the next quote, `from + 1`: it has a speaker,
 * the two are in the same or adjacent paragraphs, and nobody else is named between them.
 */
function carried(
  quotes: readonly LinkedQuote[],
  answers: readonly FirstAnswer[],
  from: number,
  to: number,
): FirstAnswer | undefined {
  const a = answers[from];
  const [j, i] = from < to ? [from, to] : [to, from];
  if (!a?.speaker || quotes[i]!.links.paragraph - quotes[j]!.links.paragraph > 1) return undefined;
  return quotes[i]!.links.namedSincePrevious.some((n) => n !== a.speaker) ? undefined : a;
}

/** The speakers the first reading names for the other quotes of quote `i`'s paragraph. */
function paragraphSpeakers(
  quotes: readonly LinkedQuote[],
  answers: readonly FirstAnswer[],
  i: number,
): Set<string> {
  const out = new Set<string>();
  const p = quotes[i]!.links.paragraph;
  for (let k = i - 1; k >= 0 && quotes[k]!.links.paragraph === p; k--)
    if (answers[k]!.named) out.add(answers[k]!.speaker!);
  for (let k = i + 1; k < quotes.length && quotes[k]!.links.paragraph === p; k++)
    if (answers[k]!.named) out.add(answers[k]!.speaker!);
  return out;
}

/**
 * The second reading's features of each candidate of quote `i`, given the first reading's
 * `answers` for every quote of the article.
 * @example neighbourFeatures(quotes, answers, 1)[0] // → [1, 0.93, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0.35] (the quote before's sure speaker)
 */
export function neighbourFeatures(
  quotes: readonly LinkedQuote[],
  answers: readonly FirstAnswer[],
  i: number,
): number[][] {
  const previous = i > 0 ? carried(quotes, answers, i - 1, i) : undefined;
  const next = i + 1 < quotes.length ? carried(quotes, answers, i + 1, i) : undefined;
  const speakers = paragraphSpeakers(quotes, answers, i);
  // The speaker last named by the first reading before this quote, whoever was named since: the
  // article's current speaker; and how often each speaker was named before.
  const before = new Map<string, number>();
  let last: string | undefined;
  for (let k = 0; k < i; k++) {
    const a = answers[k]!;
    if (!a.named) continue;
    before.set(a.speaker!, (before.get(a.speaker!) ?? 0) + 1);
    last = a.speaker;
  }
  return quotes[i]!.candidates.map((c) => {
    const prev = previous?.speaker === c.speaker ? previous : undefined;
    return [
      prev ? 1 : 0,
      prev ? prev.p : 0,
      prev?.named ? 1 : 0,
      prev && !prev.named ? prev.p : 0,
      prev && c.features[PRONOUN_MATCH] === 1 ? 1 : 0,
      prev && c.features[PRONOUN_MISMATCH] === 1 ? 1 : 0,
      next?.speaker === c.speaker ? next.p : 0,
      speakers.size === 1 && speakers.has(c.speaker) ? 1 : 0,
      speakers.size > 0 && !speakers.has(c.speaker) ? 1 : 0,
      previous && !prev ? previous.p : 0,
      last === c.speaker ? 1 : 0,
      Math.log1p(before.get(c.speaker) ?? 0) / 2,
    ];
  });
}
