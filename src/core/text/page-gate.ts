/**
 * A quick test that a text cannot be a clutter page, so that the page verdict of `removeBoilerplate`
 * need not split it into sentences and test each (15 % of `chorus cluster` on Multi-News): the verdict
 * drops a page only when some sentence is clutter of a page category (boilerplate-rules.json).
 *
 * Two ways a sentence becomes page clutter, and what rules each out on the whole text:
 *  - a page rule matches it (cleaned and lowercased). Each branch of each page rule needs pieces of
 *    text (required-text.ts), which a sentence holds only if its text does; where they all stand, the
 *    branch loosened to the whole text (loosened.ts) must match too. A sentence is a piece of the text
 *    with its whitespace runs made one space, so both hold, unless cleaning cut something out of the
 *    middle of the sentence and joined what was around it: see the next point.
 *  - cleaning leaves it without a letter or digit ("social"), or joins words across a cut: only the
 *    sentence strips and the capitals dateline cut anything, and `MAY_CUT` finds what each needs
 *    (a tweet signature's "@", a tweet link, an agency in brackets, a dash before a quote). A text
 *    holding one goes the slow way.
 * The test may say "maybe" for a text without page clutter (then the verdict is worked out as before),
 * never "no" for one with it: bench/clutter-check.ts compares the verdicts on every Multi-News text.
 */
import rules from './boilerplate-rules.json' with { type: 'json' };
import { branchesOf } from './any-of.js';
import { loosened } from './loosened.js';
import { PieceFinder } from './piece-finder.js';
import { requiredTexts } from './required-text.js';

interface Branch {
  /** Sets of pieces a match holds one of each, rarest first. */
  readonly pieces: readonly (readonly string[])[];
  /** The branch loosened to match whole texts; undefined when it could not be. */
  readonly loose?: RegExp;
}

/**
 * What the sentence strips and the capitals dateline of boilerplate.ts need in a text before they can
 * cut anything: "@" (tweet signatures), a tweet link, an agency in brackets, a dash and a quote.
 * Kept by hand beside `sentenceStrip` and `CAPS_DATELINE`; test/text/page-gate.test.ts checks that each
 * strip's example holds it.
 */
const MAY_CUT =
  /@|t\.co\/|twitter\.com\/|\(\s*(?:ap|reuters|cnn|afp|upi|associated\s+press)\s*\)|(?:[—–]|-)\s*["“]/;

function pageBranches(): Branch[] {
  const page = new Set(rules.pageCategories);
  return rules.sentences
    .filter((r) => page.has(r.category))
    .flatMap((r) => branchesOf(r.pattern))
    .map((b) => {
      const loose = loosened(b);
      return {
        pieces: telling(requiredTexts(b)),
        ...(loose !== undefined && { loose: new RegExp(loose, 'u') }),
      };
    });
}

/**
 * The rarest set of pieces without a piece shorter than four letters (or the rarest set): short pieces
 * ("in", "the") stand everywhere and slow the scan, and the loosened branch tells the rest apart.
 */
function telling(sets: readonly (readonly string[])[]): (readonly string[])[] {
  const long = sets.filter((set) => set.every((piece) => piece.length >= 4));
  return (long.length > 0 ? long : sets).slice(0, 1);
}

const BRANCHES = pageBranches();
/** Every branch's pieces; undefined when a branch needs none, so that any text may hold it. */
const PIECES = BRANCHES.every((b) => b.pieces.length > 0)
  ? new PieceFinder(BRANCHES.flatMap((b) => b.pieces.flat()))
  : undefined;

/**
 * False when no sentence of `text` can be clutter of a page category; true when one may be.
 * @example mayHoldPageClutter('The council met on Tuesday.') // → false
 */
export function mayHoldPageClutter(text: string): boolean {
  if (!PIECES) return true;
  const lower = text.toLowerCase();
  if (MAY_CUT.test(lower)) return true;
  const found = PIECES.find(lower);
  if (found.size === 0) return false;
  for (const b of BRANCHES) {
    if (!b.pieces.every((set) => set.some((piece) => found.has(piece)))) continue;
    if (!b.loose || b.loose.test(lower)) return true;
  }
  return false;
}
