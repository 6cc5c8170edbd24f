/**
 * The people who could have said a quote, each with the features the learned chooser scores
 * (choose-speaker.ts). Candidates are every person named outside quotes from 2,000 characters before the
 * quote to 400 after it (one candidate per person: the fullest name the article uses there), plus the
 * rules' pick when it is no such person (a described source, an organisation), plus, for a quote with no
 * cue, an organisation or a description opening the sentence that leads to it (organisation-subject.ts,
 * described-subject.ts). Features are cheap reads of offsets the rules already computed: no sentence is
 * tagged again.
 */
import type { Gender, PersonIndex, PersonSpan } from '../entities/person-spans.js';
import { isIntroSubject, isObject, isSubject, possessive, speaksAfter, verbFollows } from './subject-of.js';
import { CUE_VERBS, SENTENCE_BREAK, type SpeakerCue } from './speaker-cue.js';
import { REPORTING_SPEECH as REPORTING } from './reporting-pattern.js';
import { hasLetter, isCapitalized, startsLowercase } from '../text/letters.js';
import type { OrganisationSubject } from './organisation-subject.js';
import type { DescribedSubject } from './described-subject.js';
import {
  clauseSubject,
  clauseSubjectPhrase,
  closingSpeaker,
  previousReporter,
  pronounOpening,
  sentenceBefore,
} from './clause-subject.js';

/** What the rules said about one quote: the inputs of the candidate features. */
export interface RuleView {
  readonly open: number;
  readonly close: number;
  readonly cue?: SpeakerCue;
  /** The speaker the rules give from the quote's own cue, and the one after continuation. */
  readonly own?: string;
  readonly final?: string;
  readonly finalStart?: number;
  readonly finalEnd?: number;
  /** The final speaker is a person a role description ("the Vermont senator") was resolved to. */
  readonly finalRole?: boolean;
  /** The rules' final speaker of the quote before, and whether it sits in the same paragraph. */
  readonly previous?: string;
  readonly previousNear: boolean;
  /** The subject phrase of the sentence leading to the quote (speaker-cue.ts leadingSubject). */
  readonly lead?: SpeakerCue;
  /** The quote sits inside its sentence (words of the sentence come before its mark). */
  readonly partial?: boolean;
  /** Where the quote before ends, and the speaker the next quote's own cue names (within a paragraph). */
  readonly previousClose?: number;
  readonly next?: string;
  /** For a quote with no cue: an organisation opening the sentence that leads to it (organisation-subject.ts). */
  readonly organisation?: OrganisationSubject;
  /** For a quote with no cue: a description opening the sentence that leads to it (described-subject.ts). */
  readonly described?: DescribedSubject;
}

export interface Candidate {
  readonly speaker: string;
  /** Offsets of the words naming the speaker for this quote: the cue, else the nearest mention. */
  readonly start: number;
  readonly end: number;
  readonly features: readonly number[];
}

/** Names of the features, in the order of `Candidate.features` and of the model's weights. */
export const SPEAKER_FEATURES = [
  'rule',
  'ruleOwn',
  'ruleContinued',
  'ruleDescribed',
  'ruleNotPerson',
  'rulePronoun',
  'ruleNamed',
  'ruleNoCue',
  'cueMention',
  'pronounMatch',
  'pronounMismatch',
  'pronounUnknown',
  'genderKnown',
  'before',
  'beforeLogChars',
  'beforeSentences',
  'beforeParagraphs',
  'beforeNearest',
  'beforeSecond',
  'beforeSubject',
  'beforeSpeaks',
  'beforeOpensSentence',
  'beforePossessive',
  'sameSentence',
  'sameSentenceSubject',
  'previousSentenceSubject',
  'sameParagraph',
  'after',
  'afterLogChars',
  'afterSameSentence',
  'afterNearest',
  'afterSpeaks',
  'inQuote',
  'logMentions',
  'mostMentioned',
  'previousSpeaker',
  'previousNear',
  'leadSubject',
  'noCueBefore',
  'noCueAfter',
  'pronounBeforeNearest',
  'pronounBeforeSubject',
  'ruleRole',
  'partial',
  'partialSameSentence',
  'pronounCompatNearest',
  'pronounCompatSecond',
  'pronounCompatSubject',
  'pronounPreviousMatch',
  'pronounBeforeSentences',
  'paragraphTopic',
  'noCueParagraphTopic',
  'sentenceReporter',
  'cuedElsewhere',
  'mostCued',
  'chain',
  'nextSpeaker',
  'pronounOnlyCompatible',
  'organisationSubject',
  'ruleDefinite',
  'describedRoleSeen',
  'cueAddressee',
  'askedBefore',
  'afterInverted',
  'sentenceReports',
  'sentenceOnlyPerson',
  'beforeObject',
  'beforeIntroSubject',
  'pronounsSince',
  'describedSubject',
  'describedSubjectDefinite',
  'sentenceObject',
  'clauseSubject',
  'clauseSubjectAlone',
  'clausePronoun',
  'closingSpeaker',
  'previousReporter',
] as const;

/**
 * What the quote's own cue names: a person or organisation by name, "he"/"she", a description
 * ("the senator", "a spokeswoman", "who"), or nothing (the quote has no cue of its own): `none` when
 * the quote opens its sentence (a speaker's quote goes on), `partial` when it sits inside a sentence
 * that names no speaker (`the board saw Fiorina as the driver to speed the "…"`), where the people
 * named around it are more often spoken about than speaking. The chooser has one threshold per kind:
 * a name in the cue is seldom wrong, a pronoun or a description is often.
 */
export type CueKind = 'named' | 'pronoun' | 'described' | 'none' | 'partial';
export const CUE_KINDS: readonly CueKind[] = ['named', 'pronoun', 'described', 'none', 'partial'];

/** The kind of `cue` (undefined: none, or partial for a quote inside its sentence). */
export function cueKind(cue: SpeakerCue | undefined, partial = false): CueKind {
  if (!cue) return partial ? 'partial' : 'none';
  if (PRONOUN_GENDER[cue.phrase.toLowerCase()]) return 'pronoun';
  // By its head: "The Democratic frontrunner" is a description, "the Daily Caller" a name.
  const head = cue.phrase
    .split(/\s+(?:for|of|at|from)\s+/)[0]!
    .split(/\s+/)
    .at(-1)!;
  return isCapitalized(head) ? 'named' : 'described';
}

const WINDOW_BEFORE = 2000;
const WINDOW_AFTER = 400;
/** The gender a speaker pronoun asks of its person. */
export const PRONOUN_GENDER: Readonly<Record<string, Gender>> = { he: 'male', she: 'female' };

/** Offsets where sentences end in `text` (a stop, then space and a capital or a quote mark). */
export function sentenceEnds(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(SENTENCE_BREAK)) out.push(m.index + 1);
  return out;
}

/** How many of the sorted `ends` lie in [from, to). */
function countBetween(ends: readonly number[], from: number, to: number): number {
  return lowerBound(ends, to) - lowerBound(ends, from);
}

function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ArticleView {
  readonly text: string;
  readonly people: PersonIndex;
  /** Person mentions outside any quote, in order. */
  readonly outside: readonly PersonSpan[];
  /** The full name of each mention in `outside` (PersonIndex.fullName at its offset), computed once. */
  readonly keys: ReadonlyMap<PersonSpan, string>;
  /** Every quote's [open, close), to tell mentions inside a quote. */
  readonly quotes: readonly { open: number; close: number }[];
  readonly sentenceEnds: readonly number[];
  readonly paragraphOf: (at: number) => number;
  /** How many quotes' own cues name each speaker: an article's main speakers speak often. */
  readonly cued: ReadonlyMap<string, number>;
}

/**
 * The candidates for one quote, with their features.
 * @example speakerCandidates(view, rules)[0] // → { speaker: "Lena Ortiz", start, end, features: [1, 1, …] }
 */
export function speakerCandidates(view: ArticleView, rule: RuleView): Candidate[] {
  const { text, people, outside } = view;
  const key = (m: PersonSpan) => view.keys.get(m) ?? people.fullName(m.name, m.start);
  const counts = mentionCounts(view);
  const subjectOf = (m: PersonSpan) => {
    let v = subjects.get(m);
    if (v === undefined) subjects.set(m, (v = isSubject(text, m)));
    return v;
  };
  const most = Math.max(0, ...counts.values());
  const want = PRONOUN_GENDER[rule.cue?.phrase.toLowerCase() ?? ''];
  const kind = cueKind(rule.cue, rule.partial);
  const noCue = kind === 'none' || kind === 'partial';

  const near = outside.filter(
    (m) => m.end > rule.open - WINDOW_BEFORE && m.start < rule.close + WINDOW_AFTER,
  );
  const groups = new Map<string, PersonSpan[]>();
  for (const m of near) {
    if (m.start >= rule.open && m.start < rule.close) continue;
    const k = key(m);
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  const beforeOrder = [...groups.entries()]
    .map(([k, ms]) => [k, ms.filter((m) => m.end <= rule.open).at(-1)] as const)
    .filter((e): e is readonly [string, PersonSpan] => e[1] !== undefined)
    .sort((a, b) => b[1].start - a[1].start)
    .map(([k]) => k);
  const afterOrder = [...groups.entries()]
    .map(([k, ms]) => [k, ms.find((m) => m.start >= rule.close)] as const)
    .filter((e): e is readonly [string, PersonSpan] => e[1] !== undefined)
    .sort((a, b) => a[1].start - b[1].start)
    .map(([k]) => k);
  const quoteText = text.slice(rule.open, rule.close);
  // For "he"/"she": the people before the quote whose gender is not the other one, nearest first,
  // and the nearest of them who is a subject (the classic pronoun resolver's pick).
  const compatible = (k: string) => {
    const g = people.gender(k);
    return !g || g === want;
  };
  const compatOrder = want ? beforeOrder.filter(compatible) : [];
  const cueAt = rule.cue?.start ?? rule.open;
  const compatSubject = want
    ? near.findLast((m) => m.end <= Math.min(cueAt, rule.open) && compatible(key(m)) && subjectOf(m))
    : undefined;
  const compatSubjectKey = compatSubject && key(compatSubject);
  const topic = paragraphTopic(view, rule.open, near, subjectOf);
  const topicKey = topic && key(topic);
  const reporter = noCue ? sentenceReporter(view, rule.open, near, subjectOf) : undefined;
  const reporterKey = reporter && key(reporter);
  const mostCued = Math.max(0, ...view.cued.values());
  // The previous quote's speaker goes on when nobody else is named between the two quotes.
  const chainKey =
    rule.previous !== undefined &&
    rule.previousClose !== undefined &&
    !near.some((m) => m.start >= rule.previousClose! && m.end <= rule.open && key(m) !== rule.previous)
      ? rule.previous
      : undefined;

  // An organisation opening the sentence, unless a person's name is part of it.
  const org = rule.organisation;
  const orgKey =
    noCue && org && !near.some((m) => m.start < org.end && org.start < m.end) ? org.name : undefined;

  const described = noCue ? rule.described : undefined;
  const describedKey = described?.phrase;

  const role = kind === 'described' ? describedHead(rule.cue!.phrase) : undefined;
  const seen = role ? roleHolders(view, role, rule.open, key) : undefined;

  // The person a question was put to just before the quote answers it ("Conroy asked Sanders whether…").
  const asked = want || noCue ? askedBeforeQuote(view, rule.open, near) : undefined;

  // The quote's sentence: the people it names outside the quote, and who reports before the mark.
  const sentence = quoteSentence(view, rule.open, rule.close);
  const inSentence = near.filter((m) => m.start >= sentence.from && m.end <= sentence.to);
  const sentenceKeys = new Set(inSentence.map(key));
  const reports = sentenceReporterBefore(view, rule.open, inSentence, sentence.from);
  const reportsKey = reports && key(reports);

  // Partial quotes: the subject of the clause the quote sits in, a name or an opening "he"/"she".
  const clause =
    kind === 'partial' ? clauseSubject(text, sentence.from, rule.open, inSentence, key) : undefined;
  const phrase = rule.described ?? rule.organisation;
  const clauseKey = clause
    ? key(clause.mention)
    : kind === 'partial' && phrase && clauseSubjectPhrase(text, sentence.from, phrase.start, phrase.end)
      ? 'phrase' in phrase
        ? phrase.phrase
        : phrase.name
      : undefined;
  const clauseAlone = clause
    ? clause.alone
    : !inSentence.some((m) => phrase !== undefined && m.start >= phrase.start && m.end <= rule.open);
  const clauseGender = kind === 'partial' ? pronounOpening(text, sentence.from, rule.open) : undefined;
  const clausePronounKey = clauseGender && pronounReferent(near, sentence.from, clauseGender);
  const reporterBefore = kind === 'none' ? sentenceBefore(text, view.sentenceEnds, rule.open) : undefined;
  const reported = reporterBefore && previousReporter(text, reporterBefore.from, reporterBefore.to, near);
  const previousReporterKey =
    reported === undefined
      ? undefined
      : typeof reported === 'string'
        ? pronounReferent(near, reporterBefore!.from, reported)
        : key(reported);

  const out: Candidate[] = [];
  const build = (speaker: string, ms: readonly PersonSpan[], person: boolean): Candidate => {
    const before = ms.filter((m) => m.end <= rule.open).at(-1);
    const after = ms.find((m) => m.start >= rule.close);
    const cueMention =
      rule.cue !== undefined && ms.some((m) => m.start < rule.cue!.end && rule.cue!.start < m.end);
    const g = person ? people.gender(speaker) : undefined;
    const afterSentence =
      after !== undefined && countBetween(view.sentenceEnds, rule.close - 1, after.start) === 0;
    const isRule = rule.final === speaker;
    const beforeSentences = before ? countBetween(view.sentenceEnds, before.end, rule.open) : -1;
    const beforeSubject = before !== undefined && subjectOf(before);
    const f: Record<(typeof SPEAKER_FEATURES)[number], number> = {
      rule: isRule ? 1 : 0,
      ruleOwn: rule.own === speaker ? 1 : 0,
      ruleContinued: isRule && rule.own !== speaker ? 1 : 0,
      ruleDescribed: isRule && !person && startsLowercase(speaker) ? 1 : 0,
      ruleNotPerson: isRule && !person && !startsLowercase(speaker) ? 1 : 0,
      rulePronoun: isRule && kind === 'pronoun' ? 1 : 0,
      ruleNamed: isRule && kind === 'named' ? 1 : 0,
      ruleNoCue: isRule && noCue ? 1 : 0,
      cueMention: cueMention ? 1 : 0,
      pronounMatch: want && g === want ? 1 : 0,
      pronounMismatch: want && g && g !== want ? 1 : 0,
      pronounUnknown: want && person && !g ? 1 : 0,
      genderKnown: g ? 1 : 0,
      before: before ? 1 : 0,
      beforeLogChars: before ? Math.log1p(rule.open - before.end) / 8 : 0,
      beforeSentences: before ? Math.min(beforeSentences, 6) / 6 : 0,
      beforeParagraphs: before
        ? Math.min(view.paragraphOf(rule.open) - view.paragraphOf(before.start), 4) / 4
        : 0,
      beforeNearest: beforeOrder[0] === speaker ? 1 : 0,
      beforeSecond: beforeOrder[1] === speaker ? 1 : 0,
      beforeSubject: beforeSubject ? 1 : 0,
      beforeSpeaks: before && speaksAfter(text, before.end) ? 1 : 0,
      beforeOpensSentence: before && opensSentence(text, before.start) ? 1 : 0,
      beforePossessive: before && possessive(text, before) ? 1 : 0,
      sameSentence: beforeSentences === 0 ? 1 : 0,
      sameSentenceSubject: beforeSentences === 0 && beforeSubject ? 1 : 0,
      previousSentenceSubject: beforeSentences === 1 && beforeSubject ? 1 : 0,
      sameParagraph: before && view.paragraphOf(before.start) === view.paragraphOf(rule.open) ? 1 : 0,
      after: after ? 1 : 0,
      afterLogChars: after ? Math.log1p(after.start - rule.close) / 8 : 0,
      afterSameSentence: after && countBetween(view.sentenceEnds, rule.close - 1, after.start) === 0 ? 1 : 0,
      afterNearest: afterOrder[0] === speaker ? 1 : 0,
      afterSpeaks: after && speaksAfter(text, after.end) ? 1 : 0,
      inQuote: quoteText.includes(speaker.split(' ').at(-1)!) ? 1 : 0,
      logMentions: Math.log1p(counts.get(speaker) ?? 0) / 3,
      mostMentioned: person && (counts.get(speaker) ?? 0) === most ? 1 : 0,
      previousSpeaker: rule.previous === speaker ? 1 : 0,
      previousNear: rule.previous === speaker && rule.previousNear ? 1 : 0,
      leadSubject:
        rule.lead !== undefined && ms.some((m) => m.start < rule.lead!.end && rule.lead!.start < m.end)
          ? 1
          : 0,
      noCueBefore: noCue && beforeOrder[0] === speaker ? 1 : 0,
      noCueAfter: noCue && afterOrder[0] === speaker ? 1 : 0,
      pronounBeforeNearest: want && beforeOrder[0] === speaker ? 1 : 0,
      pronounBeforeSubject: want && beforeSubject ? 1 : 0,
      ruleRole: isRule && rule.finalRole ? 1 : 0,
      partial: kind === 'partial' ? 1 : 0,
      partialSameSentence: kind === 'partial' && beforeSentences === 0 ? 1 : 0,
      pronounCompatNearest: want && compatOrder[0] === speaker ? 1 : 0,
      pronounCompatSecond: want && compatOrder[1] === speaker ? 1 : 0,
      pronounCompatSubject: want && compatSubjectKey === speaker ? 1 : 0,
      pronounPreviousMatch: want && g === want && rule.previous === speaker ? 1 : 0,
      pronounBeforeSentences: want && before ? Math.min(beforeSentences, 6) / 6 : 0,
      paragraphTopic: topicKey === speaker ? 1 : 0,
      noCueParagraphTopic: noCue && topicKey === speaker ? 1 : 0,
      sentenceReporter: reporterKey === speaker ? 1 : 0,
      cuedElsewhere: Math.log1p((view.cued.get(speaker) ?? 0) - (rule.own === speaker ? 1 : 0)) / 2,
      mostCued: mostCued > 0 && view.cued.get(speaker) === mostCued ? 1 : 0,
      chain: chainKey === speaker ? 1 : 0,
      nextSpeaker: rule.next === speaker ? 1 : 0,
      pronounOnlyCompatible: want && compatOrder.length === 1 && compatOrder[0] === speaker ? 1 : 0,
      organisationSubject: orgKey === speaker ? 1 : 0,
      ruleDefinite: isRule && !person && /^the\s/i.test(speaker) ? 1 : 0,
      describedRoleSeen: person && seen?.has(speaker) ? 1 : 0,
      cueAddressee: rule.cue && ms.some((m) => addressedBy(text, rule.cue!.end, m.start)) ? 1 : 0,
      askedBefore: asked !== undefined && ms.includes(asked) ? 1 : 0,
      afterInverted:
        after &&
        afterSentence &&
        SAID_BEFORE.test(text.slice(Math.max(rule.close, after.start - 60), after.start))
          ? 1
          : 0,
      sentenceReports: reportsKey === speaker ? 1 : 0,
      sentenceOnlyPerson: person && sentenceKeys.size === 1 && sentenceKeys.has(speaker) ? 1 : 0,
      beforeObject: before && isObject(text, before) ? 1 : 0,
      beforeIntroSubject: before && isIntroSubject(text, before) ? 1 : 0,
      // Up to the quote at most: a cue after it ("…,” she said) must not count the quote's own pronouns.
      pronounsSince:
        want && before
          ? Math.log1p(pronounsBetween(text, before.end, Math.min(cueAt, rule.open), want)) / 2
          : 0,
      describedSubject: !person && describedKey === speaker ? 1 : 0,
      describedSubjectDefinite: !person && describedKey === speaker && described!.definite ? 1 : 0,
      sentenceObject: ms.some(
        (m) =>
          m.start >= sentence.from &&
          m.end <= rule.open &&
          objectInSentence(text, sentence.from, m, subjectOf(m)),
      )
        ? 1
        : 0,
      clauseSubject: clauseKey === speaker ? 1 : 0,
      clauseSubjectAlone: clauseKey === speaker && clauseAlone ? 1 : 0,
      clausePronoun: clausePronounKey === speaker ? 1 : 0,
      previousReporter: previousReporterKey === speaker ? 1 : 0,
      closingSpeaker:
        noCue &&
        after !== undefined &&
        afterSentence &&
        afterOrder[0] === speaker &&
        closingSpeaker(rule.close, after, view.quotes, speaksAfter(text, after.end))
          ? 1
          : 0,
    };
    const at = cueMention || isRule ? rule.cue : undefined;
    const named = at ?? before ?? after ?? ms[0];
    const start = isRule && rule.finalStart !== undefined ? rule.finalStart : (named?.start ?? rule.open);
    const end = isRule && rule.finalEnd !== undefined ? rule.finalEnd : (named?.end ?? rule.open);
    return { speaker, start, end, features: SPEAKER_FEATURES.map((n) => f[n]) };
  };
  /** The nearest person before `from` whose gender is not the other one, a subject first. */
  function pronounReferent(ms: readonly PersonSpan[], from: number, g: Gender): string | undefined {
    const fits = (m: PersonSpan) => m.end <= from && (people.gender(key(m)) ?? g) === g;
    const m = ms.findLast((x) => fits(x) && subjectOf(x)) ?? ms.findLast(fits);
    return m && key(m);
  }
  for (const [k, ms] of groups) out.push(build(k, ms, true));
  if (kind === 'partial' && spokenAbout(text, out, inSentence, key, rule.open)) out.length = 0;
  if (rule.final !== undefined && !groups.has(rule.final)) out.push(build(rule.final, [], false));
  if (org && orgKey !== undefined && !groups.has(orgKey) && rule.final !== orgKey)
    out.push({ ...build(orgKey, [], false), start: org.start, end: org.end });
  if (
    described &&
    describedKey !== undefined &&
    !groups.has(describedKey) &&
    rule.final !== describedKey &&
    orgKey !== describedKey
  )
    out.push({ ...build(describedKey, [], false), start: described.start, end: described.end });
  return out;
}

const SENTENCE_OBJECT = SPEAKER_FEATURES.indexOf('sentenceObject');
// What follows an object of the sentence's verb (`saw X as`, `thanked X for`, `X wanting`), not a verb
// of its own: `candidate X called the deal “…”` marks X as an object (a lowercase word before a name)
// but X is its subject, and the quote X's; on PolNeAR train all seven the chooser named were such.
const AFTER_OBJECT =
  /^(?:’s?|'s?)?\s*(?:[,“"‘(]|(?:as|for|to|of|and|or|with|in|on|at|from|into|about|over|after|before|while|\p{Ll}+ing)(?![\p{L}]))/u;

/**
 * Whether the quote's sentence names one person only, and that one as spoken about (`The board saw
 * Mayor X as the driver to speed the “…”`): a partial quote with no cue is then nobody's. The chooser
 * learned that such a quote is mostly its sentence's only person's, and the sentenceObject feature
 * does not turn a pick around (trees12's trees named the toy at 0.678); a rule does, whatever model.
 */
function spokenAbout(
  text: string,
  people: readonly Candidate[],
  inSentence: readonly PersonSpan[],
  key: (m: PersonSpan) => string,
  open: number,
): boolean {
  const keys = new Set(inSentence.map(key));
  if (keys.size !== 1) return false;
  const only = people.find((c) => keys.has(c.speaker));
  const last = inSentence.findLast((m) => m.end <= open);
  return (
    only !== undefined &&
    only.features[SENTENCE_OBJECT] === 1 &&
    last !== undefined &&
    AFTER_OBJECT.test(text.slice(last.end, last.end + 20))
  );
}

/**
 * The person a paragraph is about: the first mention opening a sentence (or a subject) in the
 * quote's paragraph before the quote, else in the paragraph before. News paragraphs open on their
 * speaker ("Walsh, who…, said" ¶ "“…”").
 */
function paragraphTopic(
  view: ArticleView,
  open: number,
  near: readonly PersonSpan[],
  subjectOf: (m: PersonSpan) => boolean,
): PersonSpan | undefined {
  const p = view.paragraphOf(open);
  for (const q of [p, p - 1]) {
    const m = near.find((x) => x.end <= open && view.paragraphOf(x.start) === q && subjectOf(x));
    if (m) return m;
  }
  return undefined;
}

/**
 * For a quote with no cue: the person who opens the quote's own sentence when a word reporting
 * speech stands between them and the quote (`Clinton called the plan “…”`, `Gorka noting the absurdity
 * of “…”`). The cue rules read only a cue verb next to its subject; this reads the whole clause.
 */
function sentenceReporter(
  view: ArticleView,
  open: number,
  near: readonly PersonSpan[],
  subjectOf: (m: PersonSpan) => boolean,
): PersonSpan | undefined {
  const ends = view.sentenceEnds;
  const i = lowerBound(ends, open) - 1;
  const from = i >= 0 ? ends[i]! : 0;
  const first = near.find((m) => m.start >= from && m.end <= open);
  if (!first || view.paragraphOf(first.start) !== view.paragraphOf(open) || !subjectOf(first))
    return undefined;
  return REPORTING.test(view.text.slice(first.end, open)) ? first : undefined;
}

/** A verb of speech whose object is the one spoken to: "he told Hannity", "Trump asked Rubio". */
const TO_WHOM =
  /^\s+(?:\p{Ll}+ly\s+)?(?:told|tells|telling|asked|asks|asking|reminded|assured|informed|thanked|urged)\s+(?:\p{Lu}\p{Ll}*\.\s+)?$/u;
const ASKED = /(?<!\p{L})(?:asked|asks|questioned|pressed|interviewed)\s+(?:\p{Lu}\p{Ll}*\.\s+)?$/u;

/** Whether the mention at `at` is the one the cue's speaker spoke to ("…," he told Hannity). */
function addressedBy(text: string, cueEnd: number, at: number): boolean {
  return at > cueEnd && at - cueEnd < 40 && TO_WHOM.test(text.slice(cueEnd, at));
}

/** The person named right after "asked" in the quote's sentence or the sentence before it. */
function askedBeforeQuote(
  view: ArticleView,
  open: number,
  near: readonly PersonSpan[],
): PersonSpan | undefined {
  const ends = view.sentenceEnds;
  const i = lowerBound(ends, open) - 1;
  const from = i >= 1 ? ends[i - 1]! : 0;
  return near.findLast(
    (m) =>
      m.start >= from && m.end <= open && ASKED.test(view.text.slice(Math.max(0, m.start - 30), m.start)),
  );
}

/** A verb of speech before a name, a role between ("…, said Ohio State professor Paul Beck"). */
const SAID_BEFORE =
  /(?<!\p{L})(?:said|says|added|adds|according to|wrote|writes|noted|explained)\s+(?:[\p{L}.'’-]+\s+){0,6}$/u;

const ABBREVIATION_STOP = /\b(\p{L}{1,4})\.(?=\s)/gu;
const LOWER_NOUN = /^\p{Ll}[\p{Ll}-]{2,}$/u;
const CLAUSE_TAIL = /(?:[^.;,()\n\s]+\s+){0,6}$/u;

/** The head noun of a description ("the former secretary of state" → "secretary"), lowercased. */
function describedHead(phrase: string): string | undefined {
  const head = phrase
    .split(/\s+(?:for|of|at|from)\s+/)[0]!
    .split(/\s+/)
    .at(-1)!;
  return LOWER_NOUN.test(head) ? head : undefined;
}

/**
 * The people the article gave the role `head` before `before`: the word in the six words before a
 * mention ("presumptive Republican nominee Donald Trump", "the Florida senator, Marco Rubio") or in an
 * apposition after it ("Jeff Weaver, Sanders' campaign manager,"). What "the nominee said" may mean.
 */
function roleHolders(
  view: ArticleView,
  head: string,
  before: number,
  key: (m: PersonSpan) => string,
): Set<string> {
  const out = new Set<string>();
  const word = roleWord(head);
  let from = 0;
  for (const m of view.outside) {
    if (m.start >= before) break;
    // The clause before the name, back to the mention before it (a title's stop does not end it).
    const clause = view.text.slice(Math.max(from, m.start - 60), m.start).replace(ABBREVIATION_STOP, '$1');
    const lead = CLAUSE_TAIL.exec(clause)![0];
    const after = /^,\s+[^.;,\n]{0,60}/.exec(view.text.slice(m.end, m.end + 70))?.[0] ?? '';
    if (holdsWord(lead, word) || holdsWord(after, word)) out.add(key(m));
    from = m.end;
  }
  return out;
}

// A letter, under the flags the role word is read with, in the two code units before or after it
// (one code point or two).
const LETTER_BEFORE = /[\p{L}]$/iu;
const LETTER_AFTER = /^[\p{L}]/iu;

/**
 * Whether `s` holds the role word as a word: `(?<![\p{L}])head(?![\p{L}])` with the flags `iu`, its
 * bounds tested apart. That expression takes 0.7-0.8 ms to compile (a `\p{L}` class made
 * case-insensitive), and each described quote built it anew (V8's cache of expressions holds a role
 * seen lately, not a new one).
 */
function holdsWord(s: string, word: RegExp): boolean {
  for (const m of s.matchAll(word)) {
    const end = m.index + m[1]!.length;
    if (
      !LETTER_BEFORE.test(s.slice(Math.max(0, m.index - 2), m.index)) &&
      !LETTER_AFTER.test(s.slice(end, end + 2))
    )
      return true;
  }
  return false;
}

/** The role word wherever it starts, overlapping starts too (`holdsWord` tests each), built once per role. */
function roleWord(head: string): RegExp {
  let re = roleWords.get(head);
  if (!re) {
    if (roleWords.size >= 1000) roleWords.clear();
    roleWords.set(head, (re = new RegExp(`(?=(${head}))`, 'giu')));
  }
  return re;
}
const roleWords = new Map<string, RegExp>();

/** The bounds of the sentence holding the quote [open, close), within its paragraph. */
function quoteSentence(view: ArticleView, open: number, close: number): { from: number; to: number } {
  const ends = view.sentenceEnds;
  const i = lowerBound(ends, open + 1) - 1;
  let from = i >= 0 ? ends[i]! : 0;
  let to = ends[lowerBound(ends, close)] ?? view.text.length;
  const nl = view.text.lastIndexOf('\n', open);
  if (nl + 1 > from) from = nl + 1;
  const next = view.text.indexOf('\n', close);
  if (next >= 0 && next < to) to = next;
  return { from, to };
}

/**
 * The person in the quote's sentence who reports it: the last one named before the mark with a word
 * of speech between the name and the mark and nobody else named between (`Sanders, meanwhile, who
 * sits at zero such endorsements, said that fact speaks volumes about… “…”`, `Sanders during a Sunday
 * thanked its members “…”`), or named right after a sentence-opening "Said". Unlike sentenceReporter,
 * the person need not open the sentence, and the quote may have a cue.
 */
function sentenceReporterBefore(
  view: ArticleView,
  open: number,
  inSentence: readonly PersonSpan[],
  from: number,
): PersonSpan | undefined {
  const before = inSentence.filter((m) => m.end <= open);
  const m = before.at(-1);
  if (!m) return undefined;
  const gap = view.text.slice(m.end, open);
  if (REPORTING.test(gap) || SPEECH_WORD.test(gap)) return m;
  return SAID_FIRST.test(view.text.slice(from, m.start)) ? m : undefined;
}

/**
 * Whether the mention, in the quote's sentence before its mark, is spoken about rather than speaking:
 * the object of a verb whose subject comes first (`The board saw Mayor X as…`), or set off by commas
 * after a cue verb's subject (`the company said its captain, X, had “…”`). isObject reads only a list
 * of words before an object; this reads any verb after a subject.
 */
function objectInSentence(text: string, from: number, m: PersonSpan, subject: boolean): boolean {
  const lead = text.slice(from, m.start);
  if (APPOSED_AFTER_CUE.test(lead) && /^\s*,/.test(text.slice(m.end, m.end + 3))) return true;
  // A name a verb follows is a subject, whatever word comes before it ("nominee Lena Ortiz said",
  // "the board knew Mayor Lena Ortiz wanted").
  const after = text.slice(m.end, m.end + 40);
  if (subject || SPEECH_AFTER.test(after) || verbFollows(text, m.end)) return false;
  const v = VERB_BEFORE_OBJECT.exec(lead);
  return v !== null && hasLetter(lead.slice(0, v.index));
}

const NAME_TITLES = String.raw`(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}`;
// A lowercase word right before the name (and its titles) that is no function word nor an inverted
// "said" (`…, said Lena Ortiz: “…”` names the speaker).
const VERB_BEFORE_OBJECT = new RegExp(
  `\\s(?!(?:and|or|but|nor|of|in|at|on|to|for|with|by|from|as|about|than|that|who|whom|whose|which|the|a|an|his|her|its|their|our|my|your|said|says|added|adds|wrote|writes)(?![\\p{L}]))\\p{Ll}+\\s+${NAME_TITLES}$`,
  'u',
);
// A speech verb after the name, or after a comma (`X, said on Twitter`), or a colon (`pollster X: “…”`).
const SPEECH_AFTER = new RegExp(`^(?:\\s*:|,?\\s+(?:\\p{Ll}+ly\\s+)?(?:${CUE_VERBS})(?![\\p{L}]))`, 'u');
const APPOSED_AFTER_CUE = new RegExp(`(?<![\\p{L}])(?:${CUE_VERBS})\\s+[^,.;:!?"“”\\n]{1,60},\\s+$`, 'u');

const SPEECH_WORD = new RegExp(`(?<![\\p{L}])(?:${CUE_VERBS})(?![\\p{L}])`, 'u');
const SAID_FIRST = /^\s*(?:Said|Says|Added|Wrote)\s+(?:[\p{L}.'’-]+\s+){0,4}$/u;

const PRONOUN_WORDS: Readonly<Record<Gender, RegExp>> = {
  male: /(?<![\p{L}])(?:He|he|him|his|himself)(?![\p{L}])/gu,
  female: /(?<![\p{L}])(?:She|she|her|hers|herself)(?![\p{L}])/gu,
};

/** How many pronouns of `gender` stand in [from, to): a chain that keeps a person the topic. */
function pronounsBetween(text: string, from: number, to: number, gender: Gender): number {
  if (to <= from) return 0;
  return Math.min(8, text.slice(from, to).match(PRONOUN_WORDS[gender])?.length ?? 0);
}

/** Whether `at` opens a sentence: text start, a line break, or a stop (and a closing quote) and a space. */
function opensSentence(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < 0 || text[j] === '\n') return true;
  if (j === at - 1) return false;
  if (/["”’]/.test(text[j]!)) j--;
  return j >= 0 && /[.!?]/.test(text[j]!);
}

/** isSubject per mention: a mention is read for every quote in reach. */
const subjects = new WeakMap<PersonSpan, boolean>();

const countCache = new WeakMap<ArticleView, Map<string, number>>();

/** Mentions per person (outside quotes) in the whole article. */
function mentionCounts(view: ArticleView): Map<string, number> {
  let c = countCache.get(view);
  if (c) return c;
  c = new Map();
  for (const m of view.outside) {
    const k = view.keys.get(m) ?? view.people.fullName(m.name, m.start);
    c.set(k, (c.get(k) ?? 0) + 1);
  }
  countCache.set(view, c);
  return c;
}
