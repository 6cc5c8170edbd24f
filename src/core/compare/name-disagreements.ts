/**
 * The same person named differently by different sources: "Council member Dana Whitfield" in two
 * reports, "Council member Dana Whitford" in a third. Two full names are taken for one person spelled
 * two ways only when they share the first name, their surnames are close (same first four letters or
 * at most two edits apart), no article uses both (an article naming both is naming two people) and
 * some sentences mentioning them match at the citation threshold once the names are left out, i.e.
 * the sources say the same thing about them. Anything looser would turn two relatives or two
 * colleagues into a dispute.
 *
 * Different names for one role ("Fire Chief Marta Quillon" in one report, "Fire Chief Martin Okafor" in
 * another) are a disagreement too, under the same conditions, when the role is a title (chief, mayor,
 * captain…: one holder at a time, unlike "council member") and each article names one holder of it.
 */
import type { AnalyzedStory, Disagreement } from '../model.js';
import type { EntityMention } from '../entities/index.js';
import { CITATION_THRESHOLD, stemSetCosine } from '../summarize/cite.js';
import personTitles from '../entities/person-titles.json' with { type: 'json' };
import { stem } from '../text/stem.js';

const TITLES: ReadonlySet<string> = new Set(personTitles.titles);

/** Disagreements over how a person is named. */
export function nameDisagreements(doc: AnalyzedStory, mentions: readonly EntityMention[]): Disagreement[] {
  const byName = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    if (m.kind !== 'person' || !m.name.includes(' ')) continue;
    byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  }
  const names = [...byName.keys()];
  const out: Disagreement[] = [];
  const used = new Set<string>();
  for (let x = 0; x < names.length; x++)
    for (let y = x + 1; y < names.length; y++) {
      const [a, b] = [names[x]!, names[y]!];
      if (used.has(a) || used.has(b) || !variants(a, b)) continue;
      const ma = byName.get(a)!;
      const mb = byName.get(b)!;
      const articlesA = new Set(ma.map((m) => m.article));
      if (mb.some((m) => articlesA.has(m.article)) || !saySame(doc, ma, mb, [a, b])) continue;
      used.add(a).add(b);
      const role = [...ma, ...mb].find((m) => m.role)?.role;
      const side = (name: string, ms: EntityMention[]) => ({
        value: name,
        text: doc.sentences[ms[0]!.sentence]!.text,
        articles: [...new Set(ms.map((m) => m.article))].sort((p, q) => p - q),
      });
      const sides = [side(a, ma), side(b, mb)].sort((p, q) => q.articles.length - p.articles.length);
      out.push({ topic: role ? `name of the ${role}` : 'name', sides });
    }
  return [...out, ...roleDisagreements(doc, byName, used)];
}

/** Different full names given to the holder of one titled role, each article naming one holder. */
function roleDisagreements(
  doc: AnalyzedStory,
  byName: ReadonlyMap<string, EntityMention[]>,
  used: ReadonlySet<string>,
): Disagreement[] {
  const holders = new Map<string, Map<number, Set<string>>>(); // role → article → names
  for (const [name, ms] of byName) {
    if (used.has(name)) continue;
    for (const m of ms) {
      if (!m.role || !m.role.split(' ').some((w) => TITLES.has(w.replace(/\.$/, '')))) continue;
      const perArticle = holders.get(m.role) ?? new Map<number, Set<string>>();
      perArticle.set(m.article, (perArticle.get(m.article) ?? new Set()).add(name));
      holders.set(m.role, perArticle);
    }
  }
  const out: Disagreement[] = [];
  for (const [role, perArticle] of holders) {
    const sides = new Map<string, number[]>();
    for (const [article, names] of perArticle)
      if (names.size === 1) {
        const name = [...names][0]!;
        sides.set(name, [...(sides.get(name) ?? []), article]);
      }
    if (sides.size !== 2) continue;
    const [a, b] = [...sides.keys()] as [string, string];
    const ma = byName.get(a)!.filter((m) => m.role === role);
    const mb = byName.get(b)!.filter((m) => m.role === role);
    const articlesA = new Set(byName.get(a)!.map((m) => m.article));
    if (byName.get(b)!.some((m) => articlesA.has(m.article)) || !saySame(doc, ma, mb, [a, b])) continue;
    out.push({
      topic: `name of the ${role}`,
      sides: [...sides.entries()]
        .map(([value, articles]) => ({
          value,
          text: doc.sentences[byName.get(value)!.find((m) => m.role === role)!.sentence]!.text,
          articles: articles.sort((p, q) => p - q),
        }))
        .sort((p, q) => q.articles.length - p.articles.length),
    });
  }
  return out;
}

/** Same first name, surnames spelled nearly alike. */
function variants(a: string, b: string): boolean {
  const pa = a.split(' ');
  const pb = b.split(' ');
  if (pa.length !== pb.length || pa[0] !== pb[0]) return false;
  const [sa, sb] = [pa.at(-1)!, pb.at(-1)!];
  if (sa === sb || pa.slice(1, -1).join(' ') !== pb.slice(1, -1).join(' ')) return false;
  return (sa.length >= 5 && sb.length >= 5 && sa.slice(0, 4) === sb.slice(0, 4)) || editDistance(sa, sb) <= 2;
}

function saySame(doc: AnalyzedStory, ma: EntityMention[], mb: EntityMention[], names: string[]): boolean {
  const nameStems = new Set(
    names.flatMap((n) =>
      n
        .toLowerCase()
        .split(/[\s-]+/)
        .map(stem),
    ),
  );
  const stems = (i: number) => doc.sentences[i]!.stems.filter((s) => !nameStems.has(s));
  for (const a of new Set(ma.map((m) => m.sentence)))
    for (const b of new Set(mb.map((m) => m.sentence)))
      if (stemSetCosine(stems(a), stems(b)) >= CITATION_THRESHOLD) return true;
  return false;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
