/**
 * The trust audit of citations and agreed facts on cased newswire (docs/citations.md, twelfth round).
 * Writes each DUC 2003 cluster (all 60 folders) and each TAC 2011 topic (10) as the plain-text files a
 * user would give (`Title:`, `Source:`, `Date:` lines, then the text), reads them back as
 * `chorus summarize DIR` does and builds the report; then lists every citation beyond the origin and
 * every accepted pair behind an agreed fact, one JSON line each, with what the tagger's names and the
 * figures of the two sentences say about them (`flags`). Prints a count per cluster on stderr.
 *
 *   npx tsx lab/same-content/cased-audit.ts /work/shared/data/duc2003 \
 *     /work/shared/data/tac2011-multiling-english --out /tmp/clusters > pairs.jsonl
 *
 * The lines hold sentences of the data: keep them out of the repository.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeArticle, type ArticleFields } from '../../src/core/article.js';
import { matchSentences } from '../../src/core/compare/index.js';
import { findEntityMentions } from '../../src/core/entities/index.js';
import { sideOf } from '../../src/core/match/same-content.js';
import type { AnalyzedStory } from '../../src/core/model.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { prepareStory } from '../../src/core/prepare-story.js';
import { parseDucDocument } from '../../src/eval/datasets/duc-document.js';
import { parseTacDocument, tacDatasetRoot } from '../../src/eval/datasets/tac2011.js';
import { readInputs } from '../../src/io/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: '/tmp/chorus-cased-clusters' } },
});
const [ducRoot, tacRoot] = positionals;
if (!ducRoot || !tacRoot) throw new Error('usage: cased-audit.ts DUC2003_DIR TAC2011_DIR [--out DIR]');

/** The article as a plain-text file with header lines, as a user would save it. */
function asText(a: ArticleFields): string {
  const head = [
    a.title && `Title: ${a.title}`,
    a.source && `Source: ${a.source}`,
    a.date && `Date: ${a.date}`,
  ].filter(Boolean);
  return `${head.join('\n')}\n\n${a.text}\n`;
}

async function clusters(): Promise<{ id: string; articles: ArticleFields[] }[]> {
  const out: { id: string; articles: ArticleFields[] }[] = [];
  const docs = join(ducRoot!, 'docs.without.headlines');
  for (const c of (await readdir(docs)).sort()) {
    const files = (await readdir(join(docs, c))).sort();
    const articles = await Promise.all(
      files.map(async (f) => parseDucDocument(await readFile(join(docs, c, f), 'latin1'), f)),
    );
    out.push({ id: c, articles: articles.filter((a) => a.text.length > 0) });
  }
  const sources = join(await tacDatasetRoot(tacRoot!), 'SourceTexts');
  const byTopic = new Map<string, ArticleFields[]>();
  for (const f of (await readdir(sources)).filter((x) => /^M\d{4}\.english$/i.test(x)).sort()) {
    const a = makeArticle(parseTacDocument(await readFile(join(sources, f), 'utf8'), f.slice(0, 5)));
    byTopic.set(f.slice(0, 4), [...(byTopic.get(f.slice(0, 4)) ?? []), a]);
  }
  for (const [id, articles] of byTopic) out.push({ id, articles });
  return out;
}

/** Names of each kind the tagger finds in each sentence, and the sentence's numbers. */
function evidence(doc: AnalyzedStory) {
  const names = new Map<number, Map<string, Set<string>>>();
  for (const m of findEntityMentions(doc)) {
    const byKind = names.get(m.sentence) ?? new Map<string, Set<string>>();
    const set = byKind.get(m.kind) ?? new Set<string>();
    set.add(m.name);
    byKind.set(m.kind, set);
    names.set(m.sentence, byKind);
  }
  return (i: number) => ({
    names: Object.fromEntries(
      [...(names.get(i) ?? new Map<string, Set<string>>())].map(([k, v]) => [k, [...v]]),
    ),
    numbers: [...sideOf(doc.sentences[i]!).numbers],
  });
}

/** Whether two name lists share a name or a last word ("Clinton" / "Bill Clinton"). */
function sharesName(a: readonly string[], b: readonly string[]): boolean {
  const words = (xs: readonly string[]) => new Set(xs.flatMap((x) => x.toLowerCase().split(' ')));
  const wb = words(b);
  return [...words(a)].some((w) => wb.has(w));
}

function flags(x: ReturnType<ReturnType<typeof evidence>>, y: typeof x): string[] {
  const out: string[] = [];
  const allX = Object.values(x.names).flat();
  const allY = Object.values(y.names).flat();
  for (const kind of ['person', 'organization', 'place']) {
    const a = x.names[kind] ?? [];
    const b = y.names[kind] ?? [];
    if (a.length && b.length && !sharesName(a, allY) && !sharesName(b, allX)) out.push(`${kind}s differ`);
  }
  if (allX.length && allY.length && !sharesName(allX, allY)) out.push('no name shared');
  if (x.numbers.length && y.numbers.length && !x.numbers.some((n) => y.numbers.includes(n)))
    out.push('numbers differ');
  return out;
}

let citations = 0;
let agreedPairs = 0;
let agreedFacts = 0;
for (const c of await clusters()) {
  const dir = join(values.out!, c.id);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await Promise.all(
    c.articles.map((a, k) => writeFile(join(dir, `${String(k).padStart(2, '0')}.txt`), asText(a))),
  );
  const read = await readInputs([dir]);
  const story = { id: 'cli', articles: read.articles };
  const report = buildStoryReport(story);
  const doc = prepareStory(story).analyzed;
  const of = evidence(doc);
  const index = new Map(doc.sentences.map((s, i) => [`${s.article}:${s.index}`, i]));
  const byText = new Map<string, number[]>();
  doc.sentences.forEach((s, i) => byText.set(s.text, [...(byText.get(s.text) ?? []), i]));
  let cited = 0;
  for (const s of report.summary.sentences) {
    const origin = s.citations.find((x) => x.origin)!;
    const i = index.get(`${origin.article}:${origin.sentence}`)!;
    for (const x of s.citations.filter((y) => !y.origin)) {
      const j = index.get(`${x.article}:${x.sentence}`)!;
      cited++;
      const [ei, ej] = [of(i), of(j)];
      console.log(
        JSON.stringify({
          cluster: c.id,
          kind: 'citation',
          a: i,
          b: j,
          score: x.score,
          flags: flags(ei, ej),
          textA: doc.sentences[i]!.text,
          textB: doc.sentences[j]!.text,
          ei,
          ej,
        }),
      );
    }
  }
  const matches = matchSentences(doc);
  let pairs = 0;
  for (const f of report.comparison.agreed) {
    // The fact's shown sentence, then every accepted pair it belongs to among the fact's articles.
    const shown = (byText.get(f.text) ?? []).find((i) => doc.sentences[i]!.article === f.articles[0]);
    const seen = new Set<string>();
    const members = shown === undefined ? [] : [shown];
    for (const i of members) {
      for (const m of matches[i]!)
        if (f.articles.includes(m.article) && !members.includes(m.sentence)) members.push(m.sentence);
    }
    for (const i of members) {
      for (const m of matches[i]!) {
        if (!members.includes(m.sentence)) continue;
        const key = i < m.sentence ? `${i}-${m.sentence}` : `${m.sentence}-${i}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs++;
        const [ei, ej] = [of(i), of(m.sentence)];
        console.log(
          JSON.stringify({
            cluster: c.id,
            kind: 'agreed',
            fact: f.text.slice(0, 40),
            a: i,
            b: m.sentence,
            score: m.score,
            flags: flags(ei, ej),
            textA: doc.sentences[i]!.text,
            textB: doc.sentences[m.sentence]!.text,
            ei,
            ej,
            resolved: shown === undefined,
          }),
        );
      }
    }
    if (shown === undefined)
      console.error(`${c.id}: agreed fact not found by its text: ${f.text.slice(0, 30)}`);
  }
  citations += cited;
  agreedPairs += pairs;
  agreedFacts += report.comparison.agreed.length;
  console.error(`${c.id}\tcitations ${cited}\tagreed ${report.comparison.agreed.length}\tpairs ${pairs}`);
}
console.error(`all\tcitations ${citations}\tagreed ${agreedFacts}\tpairs ${agreedPairs}`);
