/**
 * Classifying one capitalised run by classical rules, in a fixed order, each a named step:
 *  1. A title inside the run ends a role: "Fire Chief Harriet Vossberg" → person "Harriet Vossberg".
 *  2. Leading function words and, at a sentence start, ordinary words are dropped ("The Tarrow County…";
 *     "Thick black smoke…" leaves nothing), so a capitalised sentence opener is never taken for a name.
 *  3. An organisation suffix or "X of Y" prefix → organisation ("Dunmore Plastics"), unless the run is a
 *     named room or grounds ("Oval Office", places.json landmarks), a place.
 *  4. A gazetteer entry or a place suffix → place ("Tarrow County", "Quarry Road").
 *  5. A title or role word before (or before the comma of an apposition), or a speech verb next to it
 *     → person ("spokesperson Dalia Kerrigan", "the manager, René Dufauret,", "Vossberg said").
 *  6. After a place preposition → place ("in Millbrook").
 * Anything else stays unresolved; find-entities.ts may still match it to a name found elsewhere.
 */
import speechVerbs from '../text/speech-verbs.json' with { type: 'json' };
import firstNames from './first-names.json' with { type: 'json' };
import notNames from './not-names.json' with { type: 'json' };
import organizationWords from './organization-words.json' with { type: 'json' };
import personTitles from './person-titles.json' with { type: 'json' };
import places from './places.json' with { type: 'json' };
import type { EntityKind } from '../model.js';
import type { CapitalizedRun } from './capitalized-runs.js';
import { isStopWord } from '../text/stopwords.js';
import { hasCapital } from '../text/letters.js';

const set = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase()));
const TITLES = set(personTitles.titles);
const ROLES = set([...personTitles.roles, ...personTitles.titles]);
const ORG_SUFFIXES = set(organizationWords.suffixes);
const ORG_PREFIXES = set(organizationWords.prefixes);
const PLACE_SUFFIXES = set(places.suffixes);
const PREPOSITIONS = set(places.prepositions);
const GAZETTEER = set(places.gazetteer);
const LANDMARKS = set(places.landmarks);
const NOT_NAMES = set(notNames.words);
const FIRST_NAMES = set([...firstNames.female, ...firstNames.male]);
const SPEECH = set([...speechVerbs, 'according']);

export interface ClassifiedRun {
  readonly name: string;
  /** Undefined when no rule decided: the name may still match one found elsewhere in the story. */
  readonly kind?: EntityKind;
  /** Title or role words before a person's name, lowercased ("fire chief", "council member"). */
  readonly role?: string;
}

/** "Analyst Tamsin Ruiz-Halvorsen of Copperline Securities" → "Tamsin Ruiz-Halvorsen": no role, no affiliation. */
function personName(name: string): string {
  const words = name.replace(/ (?:of|at|for) .*$/, '').split(' ');
  while (words.length > 1 && ROLES.has(key(words[0]!))) words.shift();
  return words.join(' ');
}

const key = (w: string) => w.toLowerCase().replace(/\.$/, '');

/**
 * Classifies `run`. `common(word)` tells whether the lowercased word also appears in lowercase in the
 * story (an ordinary word, so not a name when it merely opens a sentence).
 */
export function classifyRun(run: CapitalizedRun, common: (word: string) => boolean): ClassifiedRun | null {
  let words = [...run.words];
  let role: string | undefined;
  // Step 1: the last title in the run; what follows it is the name.
  let t = -1;
  words.forEach((w, i) => {
    if (TITLES.has(key(w)) || w === 'Del.') t = i;
  });
  // A title word after a first name is a surname ("Howard Dean", "Larry King"), not a role.
  if (t > 0 && t === words.length - 1 && FIRST_NAMES.has(key(words[t - 1]!))) {
    t = -1;
    words.slice(0, -2).forEach((w, i) => {
      if (TITLES.has(key(w))) t = i;
    });
  }
  const orgLike = words.length >= 2 && ORG_SUFFIXES.has(key(words.at(-1)!));
  if (t >= 0 && !orgLike) {
    if (t === words.length - 1) return null;
    role = words
      .slice(0, t + 1)
      .join(' ')
      .toLowerCase();
    words = words.slice(t + 1);
  }
  // Step 2: leading function words, and ordinary words opening a sentence.
  let first = 0;
  while (
    first < words.length &&
    (isStopWord(key(words[first]!)) ||
      NOT_NAMES.has(key(words[first]!)) ||
      (run.initial && first === 0 && role === undefined && common(key(words[first]!))))
  )
    first++;
  words = words.slice(first);
  while (words.length > 0 && NOT_NAMES.has(key(words.at(-1)!))) words.pop();
  if (words.length === 0) return null;
  // All-caps words are headlines or datelines; give them a readable form ("MILLBROOK" → "Millbrook").
  const name = words
    .map((w) =>
      w.length > 3 && w === w.toUpperCase() && hasCapital(w) && !w.includes('.')
        ? w[0] + w.slice(1).toLowerCase()
        : w,
    )
    .join(' ');
  const last = key(words.at(-1)!);
  const before = run.before;

  if (role) return person(name, role);
  // Before step 3: "Oval Office" ends in an organisation word but is a room.
  if (LANDMARKS.has(name.toLowerCase())) return { name, kind: 'place' };
  // Step 3.
  if (
    words.length >= 2 &&
    // "Halvorsen & Pike": an ampersand between names is how firms are named, not people.
    (ORG_SUFFIXES.has(last) || words.includes('&') || (ORG_PREFIXES.has(key(words[0]!)) && words[1] === 'of'))
  )
    return { name, kind: 'organization' };
  // Step 4.
  if (GAZETTEER.has(name.toLowerCase()) || (words.length >= 2 && PLACE_SUFFIXES.has(last)))
    return { name, kind: 'place' };
  // Step 5.
  if (ROLES.has(before)) {
    // "Council member", "hospital spokesperson": keep the word that says which role, not a function word.
    const two = run.beforeTwo.split(' ');
    const specific = two.length === 2 && !isStopWord(two[0]!) && !/['’]s$/.test(two[0]!);
    return { name: personName(name), kind: 'person', role: specific ? run.beforeTwo : before };
  }
  if (ROLES.has(run.apposition) && words.length >= 2)
    return { name: personName(name), kind: 'person', role: run.apposition };
  if (SPEECH.has(run.after) || (SPEECH.has(before) && before !== 'according')) return person(name, role);
  // Step 6.
  if (PREPOSITIONS.has(before) && words.length <= 3) return { name, kind: 'place' };
  return { name };
}

/** A person, named the way people are written, with the role the run gave if any. */
function person(name: string, role: string | undefined): ClassifiedRun {
  return { name: personName(name), kind: 'person', ...(role && { role }) };
}
