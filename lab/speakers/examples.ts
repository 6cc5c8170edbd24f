/**
 * Training examples for the speaker chooser from PolNeAR: every quote Chorus finds that overlaps a
 * gold quote, with its candidates (src/core/quotes/speaker-candidates.ts) and which of them name the
 * annotated source.
 *
 * Which candidates are right:
 *  - a named source ("Sen. John McCain"): the candidates with its surname (bench/speakers.ts's test);
 *  - a source in the hand key (bench/data/polnear-train-speakers.tsv, read by train.ts): the name the
 *    key gives, for pronouns and descriptions alike;
 *  - "he"/"she"/"who"/"I" not in the key: PolNeAR does not say whom the pronoun means, so the nearest
 *    annotated named source before it stands in (as in the bench's train figures), skipping one whose gender, read by
 *    personIndex, is the other one (a better stand-in than the bench's: the bench stays as it was so
 *    its figures compare with earlier rounds);
 *  - a described source ("a campaign spokeswoman"): a candidate with the same words; a definite one
 *    ("the senator") not in the key is marked unsure (the trainer leaves it out);
 *  - "they", "we", "it", or a source no candidate matches: nobody (the chooser should abstain).
 */
import { personIndex, type Gender } from '../../src/core/entities/person-spans.js';
import { quoteCandidates } from '../../src/core/quotes/attribute-quotes.js';
import type { CueKind } from '../../src/core/quotes/speaker-candidates.js';
import {
  isDescribedSource,
  isPronounSource,
  readSpeakerKeyRows,
  sameSpeaker,
  sourceHead,
  speakerKeyOf,
  type PolnearArticle,
} from '../../src/eval/datasets/polnear.js';

export interface SpeakerExample {
  /** Article index, for folds. */
  readonly article: number;
  readonly candidates: readonly { readonly speaker: string; readonly features: readonly number[] }[];
  /** Indices of the right candidates; empty when nobody is right. */
  readonly right: readonly number[];
  /** Where the quote is (article file name, UTF-16 offset) and whom the gold names: for reading errors. */
  readonly file: string;
  readonly at: number;
  readonly target?: string;
  /** What kind of source the gold names: for the figures by kind. */
  readonly kind: 'named' | 'pronoun' | 'described';
  /** Whether the hand key gave the target (a label as good as a named source's). */
  readonly keyed: boolean;
  /** Which block of the key file gave it (readKeySections): each round's rows apart. */
  readonly keySection?: number;
  /** What the quote's own cue names, as the product sees it (its threshold depends on it). */
  readonly cue: CueKind;
  /**
   * A label not to learn from: a definite description ("the senator") the key does not resolve. It
   * may mean a person named earlier (the rules resolve "the Vermont senator" to Bernie Sanders), and
   * PolNeAR only gives the description.
   */
  readonly unsure: boolean;
}

const GENDER: Readonly<Record<string, Gender>> = { he: 'male', she: 'female' };

/**
 * The block of the key file each row is in (`readSpeakerKeyRows`), keyed as readSpeakerKey keys it.
 * A round's features were picked by reading the held-out errors of the rows before it, so the newest
 * rows are the fairest test.
 * @example readKeySections(KEY_PATH).get('breitbart_…:1670:1673') // → 0
 */
export function readKeySections(path: string): Map<string, number> {
  return new Map(readSpeakerKeyRows(path).map((r) => [r.at, r.block]));
}

/**
 * The examples of `articles`, in order; `key` (readSpeakerKey) resolves pronoun and described sources,
 * and `sections` (readKeySections) says which block of the key each keyed one came from.
 * @example speakerExamples(readPolnear(dir, 'train'))[0].right // → [0]
 */
export function speakerExamples(
  articles: readonly PolnearArticle[],
  key: ReadonlyMap<string, string> = new Map(),
  sections: ReadonlyMap<string, number> = new Map(),
): SpeakerExample[] {
  const out: SpeakerExample[] = [];
  articles.forEach((a, article) => {
    const found = quoteCandidates(a.text);
    if (found.length === 0) return;
    const people = personIndex(a.text);
    for (const g of a.gold) {
      const q = found.find((x) => x.quote.start < g.quote.end && g.quote.start < x.quote.end);
      if (!q || !g.source) continue;
      const head = sourceHead(g.source.text);
      const pronoun = isPronounSource(head);
      const at = speakerKeyOf(a, g.source);
      const keyed = key.get(at);
      const section = keyed === undefined ? undefined : sections.get(at);
      let target: string | undefined = keyed ?? head;
      if (pronoun && !keyed) {
        const lower = head.toLowerCase();
        const want = GENDER[lower];
        target = undefined;
        if (want || lower === 'who' || lower === 'i')
          for (let k = a.named.length - 1; k >= 0; k--) {
            const n = a.named[k]!;
            if (n.start >= g.source.start) continue;
            const name = sourceHead(n.text);
            const gender = people.gender(name.replace(/^(?:\p{Lu}\p{Ll}{0,3}\.\s+)+/u, ''));
            if (want && gender && gender !== want) continue;
            target = name;
            break;
          }
      }
      const right: number[] = [];
      q.candidates.forEach((c, i) => {
        if (target && sameSpeaker(c.speaker, target)) right.push(i);
      });
      out.push({
        article,
        file: a.name,
        at: q.quote.start,
        ...(target && { target }),
        candidates: q.candidates.map((c) => ({ speaker: c.speaker, features: c.features })),
        right,
        kind: pronoun ? 'pronoun' : isDescribedSource(head) ? 'described' : 'named',
        keyed: keyed !== undefined,
        ...(section !== undefined && { keySection: section }),
        cue: q.kind,
        unsure: !keyed && !pronoun && isDescribedSource(head) && /^the\s/i.test(head),
      });
    }
  });
  return out;
}
