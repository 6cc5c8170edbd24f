/**
 * Who said each quote of one article. The cue (speaker-cue.ts) gives the words that name the speaker;
 * they are then resolved, in order:
 *  1. A name: titles and roles dropped, then the fullest name the article uses for that person
 *     ("Sen. McCain" → "John McCain"); an organisation stays as named ("The New York Post").
 *  2. "he"/"she": the subject of the sentence leading to the quote, else the nearest person named
 *     before the cue who is a subject and whose gender is not the other one (first names, honorifics,
 *     the pronouns the article uses after each person); none when another person could be meant
 *     (resolvePronoun), unless the quote before had a speaker of that gender.
 *  3. "who" (`Trump, who said "…"`): the person named just before it.
 *  4. A description ("a campaign spokeswoman", "sources"): kept as written; "they", "we", "I": no speaker.
 *  5. A quote with no cue of its own: the speaker of the quote before it in the same paragraph, or of the
 *     sentence ending in a colon that introduces the paragraph (`Trump said:` ¶ `"…"`), or of the quote
 *     right after it when only a space separates them (`"…." "…," he said.`).
 * When unsure the speaker is left out: a wrong name is worse than none. The rules' answer is then one
 * feature among others of the learned chooser (speaker-candidates.ts, choose-speaker.ts), which makes
 * the final choice among the people in reach.
 */
import { capitalizedRuns } from '../entities/capitalized-runs.js';
import { classifyRun } from '../entities/classify-run.js';
import {
  opensSentence,
  personIndex,
  type Gender,
  type PersonIndex,
  type PersonSpan,
} from '../entities/person-spans.js';
import { leadingSubject, SENTENCE_BREAK, speakerCue, type SpeakerCue } from './speaker-cue.js';
import { isIntroSubject, isSubject, possessive } from './subject-of.js';
import { paragraphRanges, textQuotes, type TextQuote } from './text-quotes.js';
import { organisationSubject } from './organisation-subject.js';
import { describedSubject } from './described-subject.js';
import {
  describedReferent,
  officesGiven,
  personDescription,
  type ReferentContext,
} from './described-referent.js';
import { lostCase, recaseNames } from './lost-case.js';
import { chooseSpeaker, shippedSpeakerModel, type SpeakerModel } from './choose-speaker.js';
import roleWords from './role-words.json' with { type: 'json' };
import personTitles from '../entities/person-titles.json' with { type: 'json' };
import {
  cueKind,
  PRONOUN_GENDER,
  sentenceEnds,
  speakerCandidates,
  type CueKind,
  type ArticleView,
  type Candidate,
  type RuleView,
} from './speaker-candidates.js';
import { hasLetter, isCapitalized, startsLowercase } from '../text/letters.js';

// Module constants: tsx (esbuild) writes a `\p{…}` literal as `new RegExp(…)`, built again on every call.
const ABBREVIATION_STOP = /\b(\p{L}{1,4})\.(?=\s)/gu;
const LETTER_RUN = /\p{L}+/gu;
const LOWER_WORD = /(?<![\p{L}'’])\p{Ll}[\p{L}'’-]*/gu;

export interface SpokenQuote {
  /** The quoted words, marks removed. */
  readonly text: string;
  /** UTF-16 offsets of the quoted words in the article text. */
  readonly start: number;
  readonly end: number;
  /** The speaker's name as the article names them in full, or a described source; absent when unknown. */
  readonly speaker?: string;
  /** Offsets of the words that name the speaker for this quote (a name, pronoun or description). */
  readonly speakerStart?: number;
  readonly speakerEnd?: number;
}

interface Resolved {
  readonly speaker: string;
  readonly start: number;
  readonly end: number;
  /** A description resolved to the person the article introduced with that role (describedPerson). */
  readonly role?: boolean;
}

/**
 * The quotes of `text` with their speakers: the rules below propose, the learned chooser
 * (choose-speaker.ts, trained on PolNeAR train by lab/speakers/train.ts) decides among the people in
 * reach, and abstains when unsure.
 * @example attributeQuotes('“We will win this state,” Sen. Ann Kale said.')[0].speaker // → "Ann Kale"
 */
export function attributeQuotes(text: string, model?: SpeakerModel): SpokenQuote[] {
  const m = model ?? shippedSpeakerModel();
  return quoteCandidates(text).map(({ quote, candidates, kind }) => {
    const chosen = chooseSpeaker(candidates, m, kind);
    // In news that lost its case the person rules miss lowercase people ("beshear spokesperson kerri
    // richardson told…", "gov. cuomo's ex-wife said…"): "he"/"she" after such a speaker, or a quote
    // followed by "said" and one, is that speaker, whom no candidate names, not the capitalised
    // person further back.
    const s =
      chosen &&
      (kind === 'pronoun' || kind === 'none') &&
      isCapitalized(chosen.speaker) &&
      lostCase(text) &&
      (describedSpeakerAfter(text, quote.close, chosen.speaker) ||
        (kind === 'pronoun' && describedSpeakerBefore(text, quote.open, chosen.speaker)))
        ? undefined
        : chosen;
    return {
      text: quote.text,
      start: quote.start,
      end: quote.end,
      ...(s && { speaker: s.speaker, speakerStart: s.start, speakerEnd: s.end }),
    };
  });
}

/** One quote and who could have said it: what the chooser reads, and what the lab trains on. */
export interface QuoteCandidates {
  readonly quote: TextQuote;
  readonly candidates: readonly Candidate[];
  /** What the quote's own cue names (the chooser's threshold depends on it). */
  readonly kind: CueKind;
}

/**
 * Each quote of `text` with its speaker candidates and their features (speaker-candidates.ts).
 * @example quoteCandidates('“We will win,” Ann Kale said.')[0].candidates[0].speaker // → "Ann Kale"
 */
export function quoteCandidates(raw: string): QuoteCandidates[] {
  const quotes = textQuotes(raw);
  if (quotes.length === 0) return [];
  // News that lost its case still shows a person by the role before the name: the rules below read
  // capitalised names, so those are written capitalised (offsets unchanged; quotes keep their words).
  const text = lostCase(raw) ? recaseNames(raw, quotes) : raw;
  const p = personIndex(text);
  const inQuote = (at: number) => quotes.some((q) => at >= q.open && at < q.close);
  const index = { people: p, outside: p.mentions.filter((m) => !inQuote(m.start)) };
  const people = () => index;
  const paras = paragraphRanges(text);
  const paraOf = (at: number) => paras.findIndex((p) => at >= p.start && at < p.end);
  const resolveCue = (cue: SpeakerCue | undefined) =>
    cue && resolve(text, cue, people().people, people().outside);
  const resolveAt = (cue: SpeakerCue | undefined, open: number) =>
    cue && resolve(text, cue, people().people, people().outside, open);

  const cues = quotes.map((q) => speakerCue(text, q.open, q.close));
  const own: (Resolved | undefined)[] = [];
  let ctx: ReferentContext | undefined;
  quotes.forEach((q, i) => {
    const cue = cues[i];
    const found = resolveAt(cue, q.open) ?? (cue && lastSpeaker(i, cue));
    own.push(found && cue && found.speaker === cue.phrase ? (referentOf(cue, q.open) ?? found) : found);
  });
  /** A definite description of a person kept as written: the person it refers back to (described-referent.ts). */
  function referentOf(cue: SpeakerCue, open: number): Resolved | undefined {
    if (!personDescription(cue.phrase)) return undefined;
    const key = (m: PersonSpan) => p.fullName(m.name, m.start);
    ctx ??= {
      text,
      near: index.outside,
      paragraphOf: paraOf,
      subjectOf: (m) => isSubject(text, m) || isIntroSubject(text, m),
      key,
      offices: officesGiven(text, index.outside, key),
    };
    const speaker = describedReferent(ctx, cue, open);
    return speaker === undefined ? undefined : { speaker, start: cue.start, end: cue.end, role: true };
  }
  /**
   * "he"/"she" left unresolved after a quote with a speaker of that gender, in this paragraph or the
   * one before, with no other person named in between: news style continues the current speaker.
   * Only a known gender counts (an unknown one was wrong as often as right on PolNeAR train).
   */
  function lastSpeaker(i: number, cue: SpeakerCue): Resolved | undefined {
    const want = PRONOUN_GENDER[cue.phrase.toLowerCase()];
    const j = i - 1;
    const prev = own[j];
    if (!want || !prev || paraOf(quotes[i]!.open) - paraOf(quotes[j]!.open) > 1) return undefined;
    const { people: p, outside } = people();
    if (p.gender(prev.speaker) !== want) return undefined;
    const between = outside.some(
      (m) =>
        m.start > quotes[j]!.close && m.start < cue.start && p.fullName(m.name, m.start) !== prev.speaker,
    );
    return between ? undefined : { speaker: prev.speaker, start: cue.start, end: cue.end };
  }
  /** Whether the quote opening at `open` opens its sentence (or follows a colon). */
  function opensSentence(open: number): boolean {
    const lead = text.slice(paras[paraOf(open)]?.start ?? 0, open).trimEnd();
    return lead === '' || /[.!?:”"’]$/.test(lead);
  }
  const speakers = own.slice();
  quotes.forEach((q, i) => {
    if (speakers[i]) return;
    const p = paraOf(q.open);
    // Only a quote that opens its sentence continues a neighbour's; a partial quote has its own sentence.
    if (!opensSentence(q.open)) return;
    const prev = quotes[i - 1];
    if (prev && paraOf(prev.open) === p && speakers[i - 1]) {
      speakers[i] = speakers[i - 1];
      return;
    }
    const next = quotes[i + 1];
    if (next && own[i + 1] && /^\s*$/.test(text.slice(q.close, next.open))) {
      speakers[i] = own[i + 1];
      return;
    }
    // A paragraph that opens with the quote, after a paragraph ending in a colon or in an attributed
    // quote ("…," Collins told MSNBC. ¶ "So the best way…"): the same speaker goes on. A trailing
    // sentence after that quote (up to 300 characters) does not break the run; taking the speaker of a
    // paragraph's last sentence with no quote ("Kerry said that…" ¶ "…") was tried and was wrong as
    // often as right on PolNeAR train.
    const para = paras[p];
    if (para && q.open === para.start && p > 0) {
      const before = text.slice(paras[p - 1]!.start, paras[p - 1]!.end).trimEnd();
      const last = prev && paraOf(prev.open) === p - 1 ? i - 1 : -1;
      if (last >= 0 && speakers[last] && paras[p - 1]!.start + before.length - quotes[last]!.close < 300) {
        speakers[i] = speakers[last];
      } else if (before.endsWith(':')) {
        const colon = paras[p - 1]!.start + before.length;
        const cue = speakerCue(text, colon, colon);
        speakers[i] = resolveCue(cue);
      }
    }
  });
  const view: ArticleView = {
    text,
    people: index.people,
    outside: index.outside,
    keys: new Map(index.outside.map((m) => [m, p.fullName(m.name, m.start)])),
    quotes,
    sentenceEnds: sentenceEnds(text),
    paragraphOf: paraOf,
    cued: countBy(own),
  };
  return quotes.map((q, i) => {
    const s = speakers[i];
    const cue = cues[i];
    const lead = leadingSubject(text, q.open);
    const partial = !opensSentence(q.open);
    const organisation = cue ? undefined : organisationSubject(text, q.open);
    const described = cue ? undefined : describedSubject(text, q.open);
    const rule: RuleView = {
      open: q.open,
      close: q.close,
      ...(cue && { cue }),
      ...(own[i] && { own: own[i].speaker }),
      ...(s && { final: s.speaker, finalStart: s.start, finalEnd: s.end }),
      ...(s?.role && { finalRole: true }),
      ...(speakers[i - 1] && { previous: speakers[i - 1]!.speaker }),
      previousNear: i > 0 && paraOf(quotes[i - 1]!.open) >= paraOf(q.open) - 1,
      ...(lead && { lead }),
      partial,
      ...(i > 0 && { previousClose: quotes[i - 1]!.close }),
      ...(own[i + 1] && paraOf(quotes[i + 1]!.open) <= paraOf(q.open) + 1 && { next: own[i + 1]!.speaker }),
      ...(organisation && { organisation }),
      ...(described && { described }),
    };
    return { quote: q, candidates: speakerCandidates(view, rule), kind: cueKind(cue, partial) };
  });
}

/** How many of `found` name each speaker. */
function countBy(found: readonly (Resolved | undefined)[]): Map<string, number> {
  const c = new Map<string, number>();
  for (const r of found) if (r) c.set(r.speaker, (c.get(r.speaker) ?? 0) + 1);
  return c;
}

const ROLES = new Set(roleWords.roles);
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = roleWords.abbreviations;

/**
 * A definite description whose head is a role ("the Vermont senator", "the mayor", "the foreign
 * minister of France") names the nearest person before it whom the article gave that role: the role
 * word just before the name, in the same clause ("Mayor Bill de Blasio", "Vermont Sen. Bernie
 * Sanders"), or in an apposition after it ("Jean-Marc Ayrault, France's foreign minister"). "A
 * senator", "the campaign" or a role nobody was given stay descriptions.
 */
function describedPerson(
  text: string,
  cue: SpeakerCue,
  core: string,
  people: PersonIndex,
  outside: PersonIndex['mentions'],
): Resolved | undefined {
  if (!/^the\s/i.test(core)) return undefined;
  const head = core.split(/\s+/).at(-1)!.toLowerCase();
  if (!ROLES.has(head)) return undefined;
  const word = new RegExp(`\\b${head}\\b`, 'i');
  for (let k = outside.length - 1; k >= 0; k--) {
    const m = outside[k]!;
    if (m.start >= cue.start) continue;
    if (cue.start - m.start > 3000) break;
    // The clause before the name (a title's own period does not end it), the name, and an apposition.
    const before = text.slice(Math.max(0, m.start - 50), m.end).replace(ABBREVIATION_STOP, '$1');
    const lead = /[^.;,()\n]*$/.exec(before)![0];
    const titled = [...lead.matchAll(LETTER_RUN)].some((w) =>
      ABBREVIATIONS[w[0].toLowerCase()]?.includes(head),
    );
    const after = /^,\s+[^.;,\n]*/.exec(text.slice(m.end, m.end + 100))?.[0] ?? '';
    if (word.test(lead) || titled || word.test(after))
      return { speaker: people.fullName(m.name, m.start), start: cue.start, end: cue.end, role: true };
  }
  return undefined;
}

function resolve(
  text: string,
  cue: SpeakerCue,
  people: PersonIndex,
  outside: PersonIndex['mentions'],
  open?: number,
  openerIsName = false,
): Resolved | undefined {
  const at = { start: cue.start, end: cue.end };
  const lower = cue.phrase.toLowerCase();
  if (lower in PRONOUN_GENDER) return resolvePronoun(text, PRONOUN_GENDER[lower]!, at, people, outside, open);
  if (lower === 'who') {
    const m = outside.filter((x) => x.end <= cue.start && cue.start - x.end < 8).at(-1);
    return m && { speaker: people.fullName(m.name, m.start), ...at };
  }
  if (['they', 'we', 'i', 'it', 'you'].includes(lower)) return undefined;
  // "a spokesperson for the Calder Transit Authority" is described by its head, "spokesperson".
  const core = cue.phrase.split(/\s+(?:for|of|at|from)\s+/)[0]!;
  if (startsLowercase(core.split(/\s+/).at(-1)!))
    return describedPerson(text, cue, core, people, outside) ?? { speaker: cue.phrase, ...at };
  const phrase = core;
  const head = phrase.split(/\s+/).at(-1)!;
  if (isCapitalized(head)) {
    // The person rules read a surname that is also a word ("From said", "Ai Jun wrote"): their name.
    const named = mentionInCue(cue, outside);
    if (named && !/\s/.test(phrase) && named.name === phrase)
      return { speaker: people.fullName(named.name, named.start), ...at };
    // "Voters", "Boos", "Local": one capitalised word the article also writes in lowercase is no name.
    if (!/\s/.test(phrase) && lowercaseWords(text).has(head.toLowerCase())) return undefined;
    const run = capitalizedRuns(phrase).at(-1);
    if (!run) return undefined;
    const c = classifyRun({ ...run, initial: false }, () => false);
    if (!c) return undefined;
    if (named && (!c.kind || c.kind === 'person') && named.name.startsWith(`${c.name} `))
      return { speaker: people.fullName(named.name, named.start), ...at };
    if (c.kind === 'organization' || c.kind === 'place') return { speaker: c.name, ...at };
    // "Things have heated up…", "Past categories have included “…”": in news that lost its case
    // (Multi-News) every sentence opener is capitalised; one such word is a name only when the person
    // rules found one there or the text writes it capitalised inside a sentence too.
    if (
      !openerIsName &&
      lostCase(text) &&
      !c.kind &&
      !/\s/.test(phrase) &&
      opensSentence(text, cue.start) &&
      !namedThere(text, cue, outside)
    )
      return undefined;
    return { speaker: people.fullName(c.name, cue.start), ...at };
  }
  return { speaker: cue.phrase, ...at };
}

/** The last person mention inside the cue phrase, if any. */
function mentionInCue(
  cue: SpeakerCue,
  outside: PersonIndex['mentions'],
): PersonIndex['mentions'][number] | undefined {
  return outside.filter((m) => m.start >= cue.start && m.end <= cue.end).at(-1);
}

/** A person mention at the cue, or the cue's word written capitalised after a lowercase word. */
function namedThere(text: string, cue: SpeakerCue, outside: PersonIndex['mentions']): boolean {
  if (outside.some((m) => m.start < cue.end && cue.start < m.end)) return true;
  return afterLowercase(text, cue.phrase);
}

// A letter after the word, a lowercase letter before (one code point or two), a space.
const LETTER_NEXT = /^\p{L}/u;
const LOWER_LAST = /\p{Ll}$/u;
const SPACE = /\s/;

/**
 * Whether `text` writes `word` after a lowercase letter, a comma or semicolon if any, and spaces, with
 * no letter after it: `\p{Ll}[,;]?\s+word(?!\p{L})` (flag u), read at each place the word stands
 * instead of built per cue (a `\p{…}` pattern costs about 0.25 ms to compile).
 */
function afterLowercase(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const end = i + word.length;
    if (LETTER_NEXT.test(text.slice(end, end + 2))) continue;
    // The spaces before the word, all of them: a lowercase letter or a comma cannot be one.
    let k = i;
    while (k > 0 && SPACE.test(text[k - 1]!)) k--;
    if (k === i) continue;
    if (k > 0 && (text[k - 1] === ',' || text[k - 1] === ';')) k--;
    if (LOWER_LAST.test(text.slice(Math.max(0, k - 2), k))) return true;
  }
  return false;
}

const PERSON_ROLES: ReadonlySet<string> = new Set([...roleWords.roles, ...personTitles.roles]);
const SAID_ROLE = /^[\s,"”’]*(?:said|says|added|explained|wrote)((?:\s+\p{Ll}[\p{L}'’.-]*){1,6})/u;

/**
 * Whether the quote closing at `close` goes on with "said" and a lowercase role phrase the cue rules
 * cannot read ("said beshear spokeswoman kerri richardson"), and `name` is none of its words after
 * the role.
 */
function describedSpeakerAfter(text: string, close: number, name: string): boolean {
  const m = SAID_ROLE.exec(text.slice(close, close + 120));
  if (!m) return false;
  return roleOfAnother(m[1]!.trim().split(/\s+/), name);
}

/** Whether `words` hold a person's role and `name`'s last word is none of the words after it. */
function roleOfAnother(words: readonly string[], name: string): boolean {
  const role = words.findIndex((w) => PERSON_ROLES.has(w));
  return role >= 0 && !words.slice(role + 1).includes(name.split(' ').at(-1)!.toLowerCase());
}

const ROLE_SPEAKS =
  /(?<![\p{L}-])\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}'’.-]*){0,3}\s+(?:said|says|told|tells|added|wrote|explained)(?!\p{L})/gu;

/**
 * Whether a person described by a lowercase role ("spokesperson kerri richardson", "ex-wife") speaks
 * in the quote's own sentence before its mark or in the sentence before, and `name` is none of the
 * words after the role there.
 */
function describedSpeakerBefore(text: string, open: number, name: string): boolean {
  const from = Math.max(0, open - 500);
  const head = text.slice(from, open);
  const breaks = [...head.matchAll(SENTENCE_BREAK)].map((m) => m.index + m[0].length);
  const own = breaks.at(-1) ?? 0;
  const start = hasLetter(head.slice(own)) ? own : (breaks.at(-2) ?? 0);
  for (const m of head.slice(start).matchAll(ROLE_SPEAKS)) {
    // The words before the verb; "cuomo's ex-wife" is read as "s ex-wife".
    const words = m[0]
      .split(/\s+/)
      .slice(0, -1)
      .map((w) => w.replace(/^ex-/, ''));
    if (roleOfAnother(words, name)) return true;
  }
  return false;
}

let lastText = '';
let lastWords: ReadonlySet<string> = new Set();
/** The words `text` writes in lowercase (kept for the last text: resolve runs once per quote). */
function lowercaseWords(text: string): ReadonlySet<string> {
  if (text !== lastText) {
    lastText = text;
    lastWords = new Set(text.match(LOWER_WORD) ?? []);
  }
  return lastWords;
}

/**
 * The person "he"/"she" stands for, or undefined when unsure (issue 11: a wrong name costs more than
 * none). In order:
 *  1. The subject of the sentence leading to the quote (leadingSubject): a person of a compatible
 *     gender is the speaker; a capitalised subject that is no person we know (a surname the rules
 *     missed, an organisation) makes the pronoun too uncertain to resolve.
 *  2. The nearest compatible person before the cue that is a subject (opens its sentence, or speaks);
 *     a subject of unknown gender loses to a nearer person whose gender is known to match.
 *  3. Abstain when the pick is not a subject, when its gender is unknown and another person is in
 *     reach (400 characters, or between it and the cue), or when a compatible person stands between
 *     it and the cue. Tried on PolNeAR train/dev: docs/speakers.md has the trade-off.
 */
function resolvePronoun(
  text: string,
  want: Gender,
  at: { start: number; end: number },
  people: PersonIndex,
  outside: PersonIndex['mentions'],
  open: number | undefined,
): Resolved | undefined {
  const fits = (name: string) => {
    const g = people.gender(name);
    return !g || g === want;
  };
  const lead = open === undefined ? undefined : leadingSubject(text, open);
  if (lead && isCapitalized(lead.phrase) && !/^(?:He|She)$/.test(lead.phrase)) {
    // Any capitalised subject, a sentence opener included, makes the pronoun too uncertain.
    const named = resolve(text, lead, people, outside, undefined, true);
    const m = outside.find((x) => x.start >= lead.start && x.end <= lead.end);
    if (named && m && fits(named.speaker)) return { speaker: named.speaker, ...at };
    if (named && !m) return undefined;
  }
  let fallback: { found: Resolved; known: boolean; m: PersonSpan } | undefined;
  let pick: { found: Resolved; m: PersonSpan; subject: boolean } | undefined;
  for (let k = outside.length - 1; k >= 0; k--) {
    const m = outside[k]!;
    if (m.start >= at.start) continue;
    if (at.start - m.start > 2500) break;
    const g = people.gender(m.name);
    if (g && g !== want) continue;
    const found = { speaker: people.fullName(m.name, m.start), ...at };
    // A subject after an opener counts (`On Monday, X released a memo.` ¶ `He writes…`).
    if (isSubject(text, m) || isIntroSubject(text, m)) {
      pick = !g && fallback?.known ? { ...fallback, subject: false } : { found, m, subject: true };
      break;
    }
    if (!fallback && !possessive(text, m)) fallback = { found, known: g !== undefined, m };
  }
  if (!pick) return undefined;
  const picked = pick;
  if (!picked.subject) return undefined;
  const known = people.gender(picked.found.speaker) === want;
  const others = outside.filter(
    (m) =>
      m.start < at.start &&
      m.start >= Math.min(picked.m.start, at.start - 400) &&
      people.fullName(m.name, m.start) !== picked.found.speaker &&
      !possessive(text, m),
  );
  if (!known && others.length > 0) return undefined;
  const between = others.filter((m) => m.start > picked.m.start && fits(m.name));
  if (between.some((m) => !known || people.gender(m.name) === want)) return undefined;
  return picked.found;
}
