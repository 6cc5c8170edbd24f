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
 *    (a tweet signature's "(@", a tweet link, a dash before a quote). A text holding one goes the slow
 *    way. A wire dateline ("Paris (AP) — ") only cuts a sentence's start, so what is left is still a
 *    piece of the text; the text goes the slow way only if that may leave no letter (`agencyMayEmpty`).
 * The test may say "maybe" for a text without page clutter (then the verdict is worked out as before),
 * never "no" for one with it: bench/clutter-check.ts compares the verdicts on every Multi-News text.
 */
import rules from './boilerplate-rules.json' with { type: 'json' };
import { branchesOf } from './any-of.js';
import { loosened } from './loosened.js';
import { PieceFinder } from './piece-finder.js';
import { requiredTexts } from './required-text.js';

interface Branch {
  /** Sets of pieces a match holds one of each, rarest first (required-text.ts). */
  readonly pieces: readonly (readonly string[])[];
  /** The branch loosened to match whole texts; undefined when it could not be. */
  readonly loose?: RegExp;
}

/**
 * What the sentence strips and the capitals dateline of boilerplate.ts need in a text before they can
 * cut anything: a handle in brackets, "(@name" (tweet signatures, which the splitter also ends a
 * sentence after; an "@" elsewhere, as in an e-mail address, cuts nothing), a tweet link, a dash and a
 * quote. The wire dateline's agency in brackets is told apart by `agencyMayEmpty`. Kept by hand beside
 * `sentenceStrip`, `CAPS_DATELINE` and the splitter's `TWEET_SIGNATURE`; test/text/page-gate.test.ts
 * checks that each strip's example holds it.
 */
const MAY_CUT = /\(\s*@\w|t\.co\/|twitter\.com\/|(?:[—–]|-)\s*["“]/;

/** An agency in brackets, which the wire dateline strip removes with up to four words before it. */
const AGENCY = /\(\s*(?:ap|reuters|cnn|afp|upi|associated\s+press)\s*\)/g;
/** After an agency: spaces and dashes, then an ASCII letter or digit that opens no list item. */
const LETTER_AFTER = /^[ —–-]*(?![a-z][.)]|\d{1,2}(?:\.\)|\)|\.) )[a-z0-9]/;
/** `LETTER_AFTER`'s match with spaces alone before the letter: there a photo credit may start. */
const ONLY_SPACES = /^ +[a-z0-9]$/;
/**
 * A character no word or gap of a dateline holds: where one stands, a dateline begins after it. Read in
 * the lowercased text, where "İ" is "i" and a combining dot (U+0307); the strip reads a sentence that
 * lowercasing lengthens as it is, where "İ" is a letter, so the dot counts as one.
 */
const NOT_DATELINE = /[^\p{L}\u0307.'’,\s-]/u;
/** The wire dateline strip's words before the agency never reach back this far past such a character. */
const DATELINE_REACH = 600;

/**
 * True when cutting a wire dateline may leave a sentence of `lower` without a letter or digit (as
 * "Paris (AP) —" alone would), false when every sentence that holds an agency in brackets goes on with
 * a letter or digit after it. The splitter ends a sentence only after a stop (none stands in the
 * spaces and dashes between), at a paragraph break (a line break), before a list item opening with
 * that letter, before a photo credit (which needs a "/" in the text and, to start right after the
 * bracket, one whitespace between them and no dash), after a tweet signature (its "(@", already let
 * through), or where a run-on longer than `MAX_SENTENCE_CHARS` is cut at a space: the piece before
 * such a cut is at least 750 characters, of which the agency and the 40 characters read after it hold
 * under 70, so the words the strip removes before the agency would have to be longer than
 * `DATELINE_REACH`; a character that no dateline holds within that reach before the agency rules it out.
 */
function agencyMayEmpty(lower: string): boolean {
  if (!lower.includes(')')) return false;
  let slash: boolean | undefined;
  AGENCY.lastIndex = 0;
  for (let m = AGENCY.exec(lower); m; m = AGENCY.exec(lower)) {
    const after = LETTER_AFTER.exec(lower.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (!after) return true;
    if (ONLY_SPACES.test(after[0])) {
      slash ??= lower.includes('/');
      if (slash) return true;
    }
    if (m.index > DATELINE_REACH && !NOT_DATELINE.test(lower.slice(m.index - DATELINE_REACH, m.index)))
      return true;
  }
  return false;
}

function pageBranches(): Branch[] {
  const page = new Set(rules.pageCategories);
  return rules.sentences
    .filter((r) => page.has(r.category))
    .flatMap((r) => branchesOf(r.pattern))
    .map((b) => {
      const loose = loosened(b);
      return {
        // Every set, short pieces too: the finder reads each unit of a text once however many pieces
        // it looks for, and each set a text lacks spares a run of the loosened branch over the whole
        // text. With the rarest long set alone, 52,401 loosened runs over the dated Multi-News stream;
        // with all, 11,931. A set with the empty piece asks nothing of a text and is left out.
        pieces: requiredTexts(b).filter((set) => !set.includes('')),
        ...(loose !== undefined && { loose: new RegExp(loose, 'u') }),
      };
    });
}

const BRANCHES = pageBranches();
/** Every branch's pieces; undefined when a branch needs none, so that any text may hold it. */
const PIECES = BRANCHES.every((b) => b.pieces.length > 0)
  ? new PieceFinder(BRANCHES.flatMap((b) => b.pieces.flat()))
  : undefined;
/** Each branch's `pieces` as places in `PIECES.pieces`. */
const PLACES: readonly (readonly (readonly number[])[])[] = BRANCHES.map((b) =>
  b.pieces.map((set) => set.map((piece) => PIECES?.pieces.indexOf(piece) ?? -1)),
);

/**
 * False when no sentence of `text` can be clutter of a page category; true when one may be.
 * @example mayHoldPageClutter('The council met on Tuesday.') // → false
 */
export function mayHoldPageClutter(text: string): boolean {
  if (!PIECES) return true;
  const lower = text.toLowerCase();
  if (MAY_CUT.test(lower) || agencyMayEmpty(lower)) return true;
  const found = PIECES.findIndexes(lower);
  for (let i = 0; i < BRANCHES.length; i++) {
    if (!PLACES[i]!.every((set) => set.some((k) => found[k] === 1))) continue;
    const loose = BRANCHES[i]!.loose;
    if (!loose || loose.test(lower)) return true;
  }
  return false;
}
