/**
 * Figures the sources state differently: "12 people were injured" in one report, "15 people were
 * treated" in another; reopening "on March 28" against "not before April 4". Conservative by design — a
 * false disagreement misleads a reader more than a missed one — so two mentions are compared only when:
 *  - they are in different articles, of the same kind, and neither is approximate ("about 3,400");
 *  - counts have the same counted noun, and either the same predicate group (both say "injured",
 *    "treated", "hurt"…: the noun and what happened to it are then the topic) or clauses that match at
 *    the citation threshold once the figures are taken out (sentence-matches.ts);
 *  - dates have a day, share a content word before them, and their clauses match at that threshold.
 * Comparable mentions are grouped; a group is a disagreement when two of its values conflict (for
 * dates, "not before April 4" conflicts with "March 28" but not with "April 9"), and is dropped whole
 * if any one article states two conflicting values in it — that is two facts, not two sources.
 */
import type { Disagreement } from '../model.js';
import { CITATION_THRESHOLD, stemSetCosine } from '../summarize/cite.js';
import { monthDay } from './dates.js';
import type { LocatedFigure } from './figure-table.js';

type Text = (m: LocatedFigure) => string;

/** Fewest distinct stems a clause needs before its similarity means anything (as `minStems` for facts). */
export const MIN_CLAUSE_STEMS = 3;

/** Disagreements among `mentions`; `text(m)` is the sentence a mention comes from. */
export function figureDisagreements(mentions: readonly LocatedFigure[], text: Text): Disagreement[] {
  const buckets = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    if (m.hedged || (m.kind === 'date' && !/\d\d-\d\d$/.test(m.value))) return;
    const key = m.kind === 'date' ? 'date' : `${m.kind}|${m.head}`;
    buckets.set(key, [...(buckets.get(key) ?? []), i]);
  });
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const list of buckets.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const a = mentions[list[x]!]!;
        const b = mentions[list[y]!]!;
        if (a.article !== b.article && comparable(a, b)) parent[find(list[x]!)] = find(list[y]!);
      }
  const groups = new Map<number, LocatedFigure[]>();
  mentions.forEach((m, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), m]));
  const out: Disagreement[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const d = disagreement(group, text);
    if (d) out.push(d);
  }
  return out;
}

function comparable(a: LocatedFigure, b: LocatedFigure): boolean {
  // Two-stem clauses "match" on one shared word (cosine 0.5), so a clause needs MIN_CLAUSE_STEMS.
  const similar = () =>
    new Set(a.clauseStems).size >= MIN_CLAUSE_STEMS &&
    new Set(b.clauseStems).size >= MIN_CLAUSE_STEMS &&
    stemSetCosine(a.clauseStems, b.clauseStems) >= CITATION_THRESHOLD;
  if (a.kind === 'date') {
    const anchor = new Set(a.context.split(' '));
    return b.context.split(' ').some((w) => w && anchor.has(w)) && similar();
  }
  if (a.head !== b.head) return false;
  if (a.predicate && b.predicate) return a.predicate === b.predicate;
  // Money with no noun after it ("put the cost at $2 million") needs the same words before it.
  return (a.head !== '' || a.context === b.context) && similar();
}

/** Whether two values of comparable mentions cannot both be true. */
function conflicts(a: LocatedFigure, b: LocatedFigure): boolean {
  if (a.kind !== 'date') return a.value !== b.value;
  const [x, y] = [dayKey(a), dayKey(b)];
  if (a.bound === 'on' && b.bound === 'on') return x !== y;
  const [on, bound] = a.bound === 'on' ? [a, b] : b.bound === 'on' ? [b, a] : [undefined, undefined];
  if (!on || !bound) return false;
  return bound.bound === 'after' ? dayKey(on) < dayKey(bound) : dayKey(on) > dayKey(bound);
}

/** Comparable form of a date: month and day (a year is often the reader's guess, see dates.ts). */
const dayKey = (m: LocatedFigure) => monthDay(m.value);

function disagreement(group: readonly LocatedFigure[], text: Text): Disagreement | undefined {
  let conflict = false;
  for (let x = 0; x < group.length; x++)
    for (let y = x + 1; y < group.length; y++) {
      if (!conflicts(group[x]!, group[y]!)) continue;
      if (group[x]!.article === group[y]!.article) return undefined;
      conflict = true;
    }
  if (!conflict) return undefined;
  const sides = new Map<string, { value: string; text: string; articles: Set<number> }>();
  for (const m of group) {
    const value =
      m.kind === 'date' && m.bound !== 'on'
        ? `${m.bound === 'after' ? 'not before' : 'by'} ${m.value}`
        : m.value;
    const side = sides.get(value) ?? { value, text: text(m), articles: new Set<number>() };
    side.articles.add(m.article);
    sides.set(value, side);
  }
  if (sides.size < 2) return undefined;
  const first = group[0]!;
  const topic =
    first.kind === 'date'
      ? `date (${first.context})`
      : first.kind === 'money'
        ? `amount (${first.context})`
        : first.kind === 'percent'
          ? `percentage (${first.context})`
          : first.context;
  return {
    topic,
    sides: [...sides.values()]
      .sort((a, b) => b.articles.size - a.articles.size || Math.min(...a.articles) - Math.min(...b.articles))
      .map((s) => ({ value: s.value, text: s.text, articles: [...s.articles].sort((x, y) => x - y) })),
  };
}
