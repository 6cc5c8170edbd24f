/**
 * An organisation, outlet or document as the subject of the sentence that leads to a quote with no cue
 * of its own: `The Washington Post recently ran a piece that noted his "…"`, `Pew found that "…"`, `the
 * DNC issued a statement apologizing…:` ¶ `"…"`. PolNeAR names these as the source, and the person rules
 * never propose them. It is a candidate the chooser weighs (speaker-candidates.ts), never the rules'
 * pick: an organisation opening a sentence is as often spoken about as speaking.
 */
import { capitalizedRuns } from '../entities/capitalized-runs.js';
import { classifyRun } from '../entities/classify-run.js';
import { NON_SUBJECT_OPENERS, sentenceLeadingTo } from './speaker-cue.js';

/** A capitalised name (an optional "the", "of"/"for"/"and" inside), then a lowercase word: its verb. */
const ORG_OPENING =
  /^(?<the>[Tt]he\s+)?(?<sp>\p{Lu}[\p{L}\p{M}\p{N}.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?\p{Lu}[\p{L}\p{M}\p{N}.&-]*){0,5})(?=\s+\p{Ll})/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
/** Openers that are no subject. */
const NOT_SUBJECT = new RegExp(`^(?:${NON_SUBJECT_OPENERS}|According)$`);

export interface OrganisationSubject {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The organisation opening the sentence that leads to the quote opening at `open` (its own words before
 * the mark, else a sentence ending in a colon just before it), at the sentence start or after its first
 * comma ("On its website, the FBI lists…"); undefined when that subject is no organisation.
 * @example organisationSubject('Pew found that "most voters agree."', 15)?.name // → "Pew"
 */
export function organisationSubject(text: string, open: number): OrganisationSubject | undefined {
  const lead = sentenceLeadingTo(text, open);
  if (!lead) return undefined;
  const { sentence, base } = lead;
  const comma = sentence.indexOf(', ');
  for (const from of comma >= 0 ? [0, comma + 2] : [0]) {
    const m = ORG_OPENING.exec(sentence.slice(from));
    const sp = m?.groups?.sp;
    if (!sp || NOT_SUBJECT.test(sp.split(' ')[0]!)) continue;
    const start = base + from + m[0].length - sp.length;
    const named = organisationName(sp, m.groups!.the !== undefined);
    if (named) return { name: named, start, end: start + sp.length };
  }
  return undefined;
}

/** The organisation `phrase` names, or undefined for a person, a place or an ordinary word. */
function organisationName(phrase: string, definite: boolean): string | undefined {
  if (ACRONYM.test(phrase)) return phrase;
  const run = capitalizedRuns(phrase).at(-1);
  if (!run) return undefined;
  const c = classifyRun({ ...run, initial: false }, () => false);
  if (!c) return undefined;
  if (c.kind === 'organization') return phrase;
  // "The Blaze", "the Saudis": a definite name no rule classifies is mostly an outlet or a body.
  return definite && c.kind === undefined && c.name === phrase ? c.name : undefined;
}
