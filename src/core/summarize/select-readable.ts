/**
 * Readable selection (`SelectOptions.readable`): the greedy walk over sentences that read well out of
 * their place (readability.ts). A quotation over several sentences is one unit; a sentence pointing back
 * brings the sentence before it along when it can. A flaw no choice mends (a cut-off ending, a quotation
 * the source leaves open, an opening pointing back to nothing) lowers the sentence's ranking key by its
 * penalty (`SelectOptions.flawPenalties`; by default Infinity: never taken), so only a sentence the
 * ranking rates far above what is left gets in despite it. A subheading or a question (`isSubheading`)
 * is no statement: never taken, nor brought along, unless `flawPenalties.subheading` says otherwise.
 */
import type { AnalyzedStory } from '../model.js';
import { Budget, NO_FLAWS_ALLOWED, type FlawPenalties, type SelectOptions } from './budget.js';
import { quoteUnits } from './quote-units.js';
import {
  endsComplete,
  follows,
  isBareQuotation,
  isSubheading,
  pointsBackAt as pointsBackOf,
} from './readability.js';

/** One way of taking a sentence: the sentences that come with it, and what their flaws cost. */
interface Take {
  readonly unit: readonly number[];
  readonly penalty: number;
}

/**
 * Indices of the chosen sentences, in the order they were chosen. `ranked` must be sorted by
 * `options.keys` (best first) when a penalty is finite.
 * @example selectReadable(doc, [4, 0, 7], { words: 50, readable: true }) // → [3, 4, 0] if 4 opens "But…"
 */
export function selectReadable(
  doc: AnalyzedStory,
  ranked: readonly number[],
  options: SelectOptions,
): number[] {
  const budget = new Budget(doc, options);
  const penalties = options.flawPenalties ?? NO_FLAWS_ALLOWED;
  const takesOf = readableTakes(doc, budget, penalties);
  const key = (i: number): number => options.keys?.[i] ?? 0;
  // A flawed sentence waits in the queue of its penalty: `ranked` comes best first and every entry of a
  // queue is lowered by the same amount, so each queue stays sorted and its head is its best.
  const waiting = new Map<number, { readonly items: number[]; next: number }>();
  /** Takes `i` if a way with flaws costing at most `allowed` fits; else queues it at its least penalty. */
  const consider = (i: number, allowed: number): void => {
    let least = Infinity;
    for (const take of takesOf(i)) {
      if (!budget.admitsUnit(take.unit)) continue;
      if (take.penalty <= allowed) {
        for (const k of take.unit) budget.add(k);
        return;
      }
      least = Math.min(least, take.penalty);
    }
    // Only a first look queues: a sentence whose flaws grew while it waited is left out.
    if (allowed > 0 || !Number.isFinite(least) || key(i) - least < penalties.floor) return;
    const queue = waiting.get(least) ?? { items: [], next: 0 };
    queue.items.push(i);
    waiting.set(least, queue);
  };
  let r = 0;
  while (!budget.full) {
    let best = r < ranked.length ? key(ranked[r]!) : -Infinity;
    let from: [number, { items: number[]; next: number }] | undefined;
    for (const [penalty, queue] of waiting) {
      const head = queue.items[queue.next];
      if (head !== undefined && key(head) - penalty > best) {
        best = key(head) - penalty;
        from = [penalty, queue];
      }
    }
    if (from) consider(from[1].items[from[1].next++]!, from[0]);
    else if (r < ranked.length) consider(ranked[r++]!, 0);
    else break;
  }
  return budget.fallback(ranked);
}

const BACK_KINDS = [undefined, 'person', 'previous'] as const;

/**
 * The ways of taking sentence `i`, given what the budget holds, best first: its quotation unit (alone
 * when the source leaves the quotation open), preceded by the sentence it points back to when that is not
 * chosen yet and can come along, else alone with the dangling penalty. Empty when every way is ruled out.
 */
function readableTakes(doc: AnalyzedStory, budget: Budget, penalties: FlawPenalties): (i: number) => Take[] {
  const units = quoteUnits(doc);
  const { sentences } = doc;
  const range = ([a, b]: readonly [number, number]) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
  // Both tests read one sentence's text and are asked again at every greedy step: each answer is kept
  // (0 not asked yet, 1 no, 2 yes; the kinds of pointing back by number, 0 not asked yet).
  const ends = new Uint8Array(sentences.length);
  const complete = (unit: readonly number[]) => {
    const last = unit[unit.length - 1]!;
    if (ends[last] === 0) ends[last] = endsComplete(sentences[last]!.text) ? 2 : 1;
    return ends[last] === 2;
  };
  const backs = new Uint8Array(sentences.length);
  const pointsBackAt = (i: number): 'person' | 'previous' | undefined => {
    if (backs[i] === 0) backs[i] = BACK_KINDS.indexOf(pointsBackOf(sentences, i)) + 1;
    return BACK_KINDS[backs[i]! - 1];
  };
  // A subheading is asked about once per sentence, as the two tests above (0 not asked yet, 1 no, 2 yes).
  const headings = new Uint8Array(sentences.length);
  const heading = (unit: readonly number[]) =>
    unit.some((k) => (headings[k] ||= isSubheading(sentences, k) ? 2 : 1) === 2);
  const chosen = (i: number) => budget.chosen.includes(i);
  /**
   * Whether `unit` needs the sentence before it, and whether that is already in: its first sentence
   * points back, or the unit is one bare quotation over several sentences (its speaker is named before).
   */
  const pointing = (unit: readonly number[]): 'no' | 'satisfied' | 'needs' => {
    const first = unit[0]!;
    const s = sentences[first]!;
    const bare = unit.length > 1 && isBareQuotation(unit.map((k) => sentences[k]!.text).join(' '));
    if (!pointsBackAt(first) && !bare) return 'no';
    if (chosen(first - 1) && follows(sentences[first - 1], s)) return 'satisfied';
    return 'needs';
  };
  /** The unit before `first` if it can come along: same article, readable, not pointing back itself. */
  const antecedent = (first: number): number[] | undefined => {
    const prior = units[first - 1];
    if (!prior || !follows(sentences[first - 1], sentences[first])) return undefined;
    const unit = range(prior);
    if (!complete(unit) || heading(unit) || pointing(unit) === 'needs' || unit.some(chosen)) return undefined;
    return unit;
  };
  return (i) => {
    if (!sentences[i]) return [];
    const span = units[i];
    const unit = span ? range(span) : [i];
    const penalty =
      (span ? 0 : penalties.unclosedQuote) +
      (complete(unit) ? 0 : penalties.cutOff) +
      (heading(unit) ? (penalties.subheading ?? Infinity) : 0);
    if (!Number.isFinite(penalty)) return [];
    if (pointing(unit) !== 'needs') return [{ unit, penalty }];
    const prior = antecedent(unit[0]!);
    const takes: Take[] = prior ? [{ unit: [...prior, ...unit], penalty }] : [];
    const alone = penalty + penalties.dangling;
    return Number.isFinite(alone) ? [...takes, { unit, penalty: alone }] : takes;
  };
}
