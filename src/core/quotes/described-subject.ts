/**
 * A description opening the sentence that leads to a quote with no cue of its own: `One strategist
 * described the race as “…”`, `A friend referred to him as “…”`, `Attorneys for the mayor appeared to
 * oppose it, saying that her account “…”`, `A 2014 committee report found “…”`, `Her campaign quickly
 * blasted out an email stating “…”`. PolNeAR names these as the source; the person rules never propose
 * them, and the cue rules read a description only right before a cue verb. It is a candidate the
 * chooser weighs (speaker-candidates.ts), never the rules' pick: a description opening a sentence is
 * often spoken about, not speaking, so a verb that reports speech must stand between it and the quote.
 */
import { NON_SUBJECT_OPENERS, sentenceLeadingTo } from './speaker-cue.js';
import { REPORTING_SPEECH_OR_FINDING as REPORTING } from './reporting-pattern.js';
import cueWords from './cue-words.json' with { type: 'json' };
import roleWords from './role-words.json' with { type: 'json' };
import sourceNouns from './source-nouns.json' with { type: 'json' };

export interface DescribedSubject {
  /** The description as written ("One strategist", "A spokesman for Platte River"). */
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  /** Opened by "the", a possessive ("his", "Rubio's"): a thing or group the article already named. */
  readonly definite: boolean;
}

const DETERMINERS: ReadonlySet<string> = new Set(cueWords.determiners);
const DEFINITE = /^(?:the|his|her|their|its|that|this|these|those)$/;
/** A number or quantity opening a description ("67 artists", "Hundreds of demonstrators"). */
const QUANTITY = /^(?:\p{N}[\p{N},]*|about|dozens|hundreds|thousands|some|many|several)$/u;
const POSSESSIVE_NAME = /^\p{Lu}[\p{L}\p{M}.-]*['’]s?$/u;
/** "It’s", "That's", "He’s": a contraction, not a possessive. */
const CONTRACTION = /^(?:It|He|She|That|There|What|Here|Who|Let|Where)['’]s$/u;
/** Past forms with no -ed ending that follow a subject ("His office put out a statement"). */
const IRREGULAR =
  /^(?:sent|put|made|gave|took|ran|got|went|came|found|kept|left|held|brought|thought|felt|paid|set|led|read|sought|began|spent|won|lost|knew|saw|heard|told|wrote|said)$/;
/** A present form ending in -s before its object ("The ad ends with…", "The lawsuit contends that…"). */
const PRESENT = /^\p{Ll}{2,}[^s\P{Ll}]s$/u;
const OBJECT_START = /^(?:that|to|a|an|the|with|her|his|their|its|on|in|by|for|up|out|about)$/;
/** Words that end the description and start its verb phrase. */
const AUXILIARY =
  /^(?:has|have|had|is|was|were|are|will|would|could|can|may|might|did|does|do|also|later|then|who|which|that)$/;
const VERB_FORM = /^\p{Ll}+(?:ed|ly)$/u;
const PREPOSITION = /^(?:for|of|at|from|inside|with|in|on|to)$/;
const HEAD = /^\p{Ll}[\p{Ll}-]{1,}$/u;
const BARE_PLURAL = /^\p{Lu}\p{Ll}{2,}s$/u;
const LOWER_START = /^\p{Ll}/u;
const CAPITALISED = /^\p{Lu}/u;
const OPENING_CLAUSE = /^\s*(?:In|On|At|After|Before|When|While|As|Asked)\s/;
const PRONOUN = /^(?:he|she|they|we|i|it|you|him|them|us|me)$/i;
const DEMONSTRATIVE = /^(?:that|this|these|those)$/;
const ROLES: ReadonlySet<string> = new Set(roleWords.roles);
const SOURCES: ReadonlySet<string> = new Set(sourceNouns.nouns);
const WORD = /[^\s,;:()“”"‘]+|[,;:()“”"‘]/gu;
/** Openers that start no subject ("In a statement, …" is read after its comma). */
const NOT_OPENING = new RegExp(`^(?:${NON_SUBJECT_OPENERS}|According)$`, 'i');

/**
 * The description opening the sentence that leads to the quote opening at `open` (its own words
 * before the mark, else a sentence ending in a colon just before it), at the sentence start or after
 * its first comma, when a word reporting speech follows it before the mark.
 * @example describedSubject('One strategist called the plan "a dead end for us all."', 30)?.phrase // → "One strategist"
 */
export function describedSubject(text: string, open: number): DescribedSubject | undefined {
  const lead = sentenceLeadingTo(text, open);
  if (!lead) return undefined;
  const { sentence, base } = lead;
  // After the first comma only behind an opening clause ("In a statement, a spokesman…", "Shortly
  // after the call ended, his campaign…"): after a name it is an apposition ("Ada Voss, a former
  // aide, …"), which describes the name.
  const comma = sentence.indexOf(', ');
  const beforeComma = /(\S+)$/u.exec(sentence.slice(0, Math.max(0, comma)))?.[1] ?? '';
  const opening = comma >= 0 && (LOWER_START.test(beforeComma) || OPENING_CLAUSE.test(sentence));
  // After a semicolon a new clause opens, nearer the quote: "That plan prompted a debate; one lawmaker
  // called it “…”".
  const semicolon = sentence.lastIndexOf('; ');
  const starts = opening ? [0, comma + 2] : [0];
  if (semicolon >= 0) starts.unshift(semicolon + 2);
  for (const from of starts) {
    const space = /^\s*/.exec(sentence.slice(from))![0].length;
    const found = descriptionAt(sentence, from + space);
    if (found) return { ...found, start: base + found.start, end: base + found.end };
  }
  return undefined;
}

/** The description starting at `at` in `sentence` (offsets into it), when a reporting word follows. */
function descriptionAt(sentence: string, at: number): DescribedSubject | undefined {
  const words = [...sentence.slice(at).matchAll(WORD)];
  const first = words[0]?.[0];
  if (!first || NOT_OPENING.test(first) || CONTRACTION.test(first)) return undefined;
  const lower = first.toLowerCase();
  // "Attorneys for the mayor", "Leaders of the group": a bare plural opening the sentence, before "of"/"for".
  const plural = BARE_PLURAL.test(first) && /^(?:for|of)$/.test(words[1]?.[0] ?? '');
  if (
    !DETERMINERS.has(lower) &&
    !DEMONSTRATIVE.test(lower) &&
    !QUANTITY.test(lower) &&
    !POSSESSIVE_NAME.test(first) &&
    !plural
  )
    return undefined;
  // The description runs to its verb: an auxiliary, a relative pronoun, an -ed or -ly word, a reporting
  // word, a common irregular past, a present -s form before its object, or a comma.
  let end = 1;
  for (; end < words.length && end <= 9; end++) {
    const w = words[end]![0];
    if (
      /^[,;:()“”"‘]/.test(w) ||
      AUXILIARY.test(w) ||
      REPORTING.test(w) ||
      VERB_FORM.test(w) ||
      IRREGULAR.test(w)
    )
      break;
    const next = words[end + 1]?.[0] ?? '';
    if (PRESENT.test(w) && end >= 2 && (OBJECT_START.test(next) || CAPITALISED.test(next))) break;
  }
  if (end >= words.length || end > 9) return undefined;
  const phraseWords = words.slice(0, end).map((m) => m[0]);
  // A phrase cut before its noun ("One official at the") is no description.
  const lastWord = phraseWords.at(-1)!.toLowerCase();
  if (DETERMINERS.has(lastWord) || PREPOSITION.test(lastWord)) return undefined;
  const cut = phraseWords.findIndex((w, i) => i > 0 && PREPOSITION.test(w));
  const core = cut > 0 ? phraseWords.slice(0, cut) : phraseWords;
  // "The first thing he…", "that he…": a clause, not a description.
  if (phraseWords.some((w) => PRONOUN.test(w))) return undefined;
  // The head: the last word before a preposition ("spokesman for …"), unless that "for" is inside a
  // name ("One Club for Growth ad": the last word); a bare plural's may be the noun after "of"
  // ("Hundreds of dock workers").
  const head = plural ? core[0]!.toLowerCase() : HEAD.test(core.at(-1)!) ? core.at(-1)! : phraseWords.at(-1)!;
  if (core.length < 2 && !plural) return undefined;
  if (!SOURCES.has(head) && !(plural && SOURCES.has(phraseWords.at(-1)!))) return undefined;
  const definite = DEFINITE.test(lower) || POSSESSIVE_NAME.test(first);
  // "The Vermont senator": a role the article gave a person; that person is the candidate, not this.
  if (lower === 'the' && ROLES.has(head)) return undefined;
  const last = words[end - 1]!;
  const phraseEnd = last.index + last[0].length;
  if (!REPORTING.test(sentence.slice(at + phraseEnd))) return undefined;
  return { phrase: sentence.slice(at, at + phraseEnd), start: at, end: at + phraseEnd, definite };
}
