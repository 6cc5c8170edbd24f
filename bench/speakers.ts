/**
 * Quote detection and speaker accuracy on PolNeAR (Newell, Margolin & Ruths, LREC 2018).
 *
 *   npx tsx bench/speakers.ts POLNEAR_DIR [--split dev|train] [--errors N] [--list]
 *
 * Gold quotes: every passage in quotation marks of four or more words inside an annotated attribution
 * Content (one annotator per article: the first file by name), with that attribution's Source. A found
 * quote matches a gold one when their spans overlap. Speaker: right when it names the annotated source
 * (same surname, or for a described source the same words), or, for a pronoun or description source,
 * the person bench/data/polnear-dev-speakers.tsv says it refers to (a key resolved by hand once, as file
 * names, offsets and names only); wrong when another speaker is named; none when no speaker is given.
 * Offsets in the data are code points; they are turned into UTF-16 offsets here.
 */
import { join } from 'node:path';
import { attributeQuotes } from '../src/core/quotes/attribute-quotes.js';
import {
  isDescribedSource,
  isPronounSource,
  readPolnear,
  readSpeakerKey,
  sameSpeaker,
  sourceHead,
  type Span,
} from '../src/eval/datasets/polnear.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!dir) {
  console.error('usage: npx tsx bench/speakers.ts POLNEAR_DIR [--split dev|train] [--errors N] [--list]');
  process.exit(2);
}
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const split = flag('--split') ?? 'dev';
const showErrors = Number(flag('--errors') ?? 0);
const list = args.includes('--list');

const key = readSpeakerKey(join(import.meta.dirname, 'data', `polnear-${split}-speakers.tsv`));

const articles = readPolnear(dir, split);
const counts = { gold: 0, found: 0, foundRight: 0, matched: 0, right: 0, wrong: 0, none: 0, unkeyed: 0 };
const pronounCounts = { n: 0, right: 0, wrong: 0, none: 0 };
const namedCounts = { n: 0, right: 0, wrong: 0, none: 0 };
// Quotes whose source is a name, a description, or a keyed pronoun: labels that need no stand-in.
const cleanCounts = { n: 0, right: 0, wrong: 0, none: 0 };
const errors: string[] = [];
let ms = 0;
for (const { name, text, gold, named } of articles) {
  // Without a hand key, a pronoun source is taken to be the nearest annotated named source before it
  // (a proxy, used for tuning on train; the dev figures use the key).
  const proxy = (src: Span) => named.filter((n) => n.start < src.start).at(-1)?.text;
  const t0 = performance.now();
  const found = attributeQuotes(text);
  ms += performance.now() - t0;
  const cp = (u: number) => [...text.slice(0, u)].length;
  counts.gold += gold.length;
  counts.found += found.length;
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  for (const q of found) {
    if (gold.some((g) => overlaps(q, g.quote))) counts.foundRight++;
    else if (showErrors) errors.push(`EXTRA ${name} ${cp(q.start)} ${q.text.split(' ').length} words`);
  }
  for (const g of gold) {
    const q = found.find((x) => overlaps(x, g.quote));
    if (!q) {
      if (showErrors) errors.push(`MISSED ${name} ${cp(g.quote.start)}`);
      continue;
    }
    counts.matched++;
    const src = sourceHead(g.source?.text ?? '');
    const pronoun = isPronounSource(src);
    const described = isDescribedSource(src);
    const keyed = g.source ? key.get(`${name}:${cp(g.source.start)}:${cp(g.source.end)}`) : undefined;
    if (list && described)
      console.log(
        `${name}\t${g.source ? cp(g.source.start) : ''}\t${g.source ? cp(g.source.end) : ''}\t${src}`,
      );
    const target = keyed ?? (pronoun && g.source ? sourceHead(proxy(g.source) ?? src) : src);
    if (described && !keyed) counts.unkeyed++;
    let verdict: 'right' | 'wrong' | 'none';
    if (!q.speaker) verdict = 'none';
    else verdict = target && sameSpeaker(q.speaker, target) ? 'right' : 'wrong';
    counts[verdict]++;
    if (pronoun) {
      pronounCounts.n++;
      pronounCounts[verdict]++;
    }
    if (!described) {
      namedCounts.n++;
      namedCounts[verdict]++;
    }
    if (!pronoun || keyed) {
      cleanCounts.n++;
      cleanCounts[verdict]++;
    }
    if (showErrors && verdict !== 'right' && !(described && !pronoun && !keyed))
      errors.push(
        `${verdict.toUpperCase()} ${name} q@${cp(g.quote.start)} gold=${JSON.stringify(target)} got=${JSON.stringify(q.speaker ?? null)} src@${g.source ? cp(g.source.start) : '-'}`,
      );
  }
}
const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '-');
if (args.includes('--json')) {
  // For the quality gate (bench/quality-gate.ts): fractions, nothing else on stdout.
  const share = (n: number, d: number) => (d ? n / d : 0);
  console.log(
    JSON.stringify({
      precision: share(counts.foundRight, counts.found),
      recall: share(counts.matched, counts.gold),
      right: share(counts.right, counts.matched),
      wrong: share(counts.wrong, counts.matched),
      none: share(counts.none, counts.matched),
    }),
  );
  process.exit(0);
}
console.log(
  `PolNeAR ${split}: ${articles.length} articles, ${counts.gold} direct quotes (≥4 words, in quote marks)`,
);
console.log(
  `quote detection: precision ${(counts.foundRight / counts.found).toFixed(3)} (${counts.foundRight}/${counts.found}), recall ${(counts.matched / counts.gold).toFixed(3)} (${counts.matched}/${counts.gold})`,
);
console.log(
  `speaker of found quotes: right ${pct(counts.right, counts.matched)} %, wrong ${pct(counts.wrong, counts.matched)} %, none ${pct(counts.none, counts.matched)} % (${counts.right}/${counts.wrong}/${counts.none})`,
);
console.log(
  `pronoun sources: ${pronounCounts.n}, right ${pct(pronounCounts.right, pronounCounts.n)} %, wrong ${pct(pronounCounts.wrong, pronounCounts.n)} %, none ${pct(pronounCounts.none, pronounCounts.n)} %`,
);
console.log(
  `named sources: ${namedCounts.n}, right ${pct(namedCounts.right, namedCounts.n)} %, wrong ${pct(namedCounts.wrong, namedCounts.n)} %, none ${pct(namedCounts.none, namedCounts.n)} %`,
);
console.log(
  `named, described or keyed sources: ${cleanCounts.n}, right ${pct(cleanCounts.right, cleanCounts.n)} %, wrong ${pct(cleanCounts.wrong, cleanCounts.n)} %, none ${pct(cleanCounts.none, cleanCounts.n)} %`,
);
console.log(`described or pronoun sources without a hand key: ${counts.unkeyed}`);
console.log(`attribution time: ${(ms / articles.length).toFixed(2)} ms per article`);
if (showErrors) console.log(errors.slice(0, showErrors).join('\n'));
