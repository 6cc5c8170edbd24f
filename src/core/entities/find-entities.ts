/**
 * Named people, organisations and places in a story, with mentions per article. Every sentence's
 * capitalised runs are classified by rules (classify-run.ts); then, story-wide, a run no rule decided is
 * matched to a name decided elsewhere, a lone surname to the one full name that ends with it
 * ("Vossberg" → "Harriet Vossberg") and a lone first word to the one organisation it starts ("Marivento"
 * → "Marivento Ferries"). What stays undecided is dropped: in lowercased text (Multi-News)
 * this leaves few entities, never junk.
 */
import type { AnalyzedStory, Entity, EntityKind } from '../model.js';
import { capitalizedRuns } from './capitalized-runs.js';
import { classifyRun, type ClassifiedRun } from './classify-run.js';

/** One mention of a named entity in one sentence. */
export interface EntityMention {
  readonly name: string;
  readonly kind: EntityKind;
  readonly article: number;
  /** Index of the sentence in `doc.sentences`. */
  readonly sentence: number;
  /** Title or role words before a person's name ("council member"), when the sentence has them. */
  readonly role?: string;
}

/** Every resolved entity mention of `doc`, in reading order. */
export function findEntityMentions(doc: AnalyzedStory): EntityMention[] {
  const runs = doc.sentences.map((s) => capitalizedRuns(s.text));
  // A word is ordinary when the story also writes it in lowercase: it occurs more often as a token
  // than capitalised. Counting beats scanning every text again for lowercase forms.
  const tokens = new Map<string, number>();
  for (const s of doc.sentences) for (const t of s.tokens) tokens.set(t, (tokens.get(t) ?? 0) + 1);
  const capitalized = new Map<string, number>();
  for (const list of runs)
    for (const run of list)
      for (const w of run.words) {
        const k = w.toLowerCase();
        capitalized.set(k, (capitalized.get(k) ?? 0) + 1);
      }
  const common = (w: string) => (tokens.get(w) ?? 0) > (capitalized.get(w) ?? 0);
  const raw: { run: ClassifiedRun; article: number; sentence: number }[] = [];
  runs.forEach((list, i) => {
    const s = doc.sentences[i]!;
    for (const run of list) {
      const c = classifyRun(run, common);
      if (c) raw.push({ run: c, article: s.article, sentence: i });
    }
  });

  // The kind of each decided name, by majority of its decided mentions (ties: first seen).
  const votes = new Map<string, Map<EntityKind, number>>();
  for (const { run } of raw) {
    if (!run.kind) continue;
    const v = votes.get(run.name) ?? new Map<EntityKind, number>();
    v.set(run.kind, (v.get(run.kind) ?? 0) + 1);
    votes.set(run.name, v);
  }
  const kindOf = new Map<string, EntityKind>();
  for (const [name, v] of votes) kindOf.set(name, [...v.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  // Surname → the full person names ending with it; an alias is used only when there is exactly one.
  const fullNames = new Map<string, Set<string>>();
  for (const [name, kind] of kindOf) {
    const parts = name.split(' ');
    if (kind !== 'person' || parts.length < 2) continue;
    const set = fullNames.get(parts.at(-1)!) ?? new Set();
    set.add(name);
    fullNames.set(parts.at(-1)!, set);
  }
  // First word → the organisations it starts: "Marivento said" is the company "Marivento Ferries".
  const orgStarts = new Map<string, Set<string>>();
  for (const [name, kind] of kindOf) {
    if (kind !== 'organization' || !name.includes(' ')) continue;
    const first = name.split(' ')[0]!;
    orgStarts.set(first, (orgStarts.get(first) ?? new Set()).add(name));
  }
  const resolve = (name: string): string => {
    // "Kestrel Robotics Inc" is "Kestrel Robotics" when the story also names it without the suffix.
    const bare = name.replace(/ (?:Inc|Corp|Ltd|LLC|Co|plc|GmbH|AG|SA)\.?$/, '');
    if (bare !== name && kindOf.get(bare) === 'organization') return bare;
    if (name.includes(' ')) return name;
    const full = fullNames.get(name);
    if (full?.size === 1) return [...full][0]!;
    const org = orgStarts.get(name);
    // Several organisations may start with it ("Kestrel Robotics", "Kestrel Robotics Inc"): the shortest.
    return !full && org ? [...org].reduce((a, b) => (b.length < a.length ? b : a)) : name;
  };

  const out: EntityMention[] = [];
  for (const { run, article, sentence } of raw) {
    const name = resolve(run.name);
    const kind = kindOf.get(name);
    if (!kind) continue;
    out.push({ name, kind, article, sentence, ...(run.role && { role: run.role }) });
  }
  return out;
}

/**
 * Entities with mentions per article, most mentioned first (then in more articles, then by name).
 * @example countEntities(findEntityMentions(doc), 50)[0] // → { name: "Lena Ortiz", kind: "person", mentions: { 0: 3, 2: 1 } }
 */
export function countEntities(mentions: readonly EntityMention[], max: number): Entity[] {
  const byName = new Map<string, { kind: EntityKind; mentions: Record<number, number>; total: number }>();
  for (const m of mentions) {
    const e = byName.get(m.name) ?? { kind: m.kind, mentions: {}, total: 0 };
    e.mentions[m.article] = (e.mentions[m.article] ?? 0) + 1;
    e.total++;
    byName.set(m.name, e);
  }
  return [...byName.entries()]
    .sort(
      ([an, a], [bn, b]) =>
        b.total - a.total ||
        Object.keys(b.mentions).length - Object.keys(a.mentions).length ||
        (an < bn ? -1 : an > bn ? 1 : 0),
    )
    .slice(0, max)
    .map(([name, e]) => ({ name, kind: e.kind, mentions: e.mentions }));
}
