/**
 * Quality and speed of the named-entity tagger and of the story entity list built on it:
 *
 *   npx tsx bench/ner.ts ../shared/data/conll2003 [--json]
 *
 * On eng.testa: span-level precision, recall and F1 (conlleval: exact span and type), overall and per
 * type, on the file as written and on a lowercased copy (Multi-News is lowercased); tokens per second
 * on one core (tagging only, after a warm-up pass); and the document-level entity list: each
 * -DOCSTART- document becomes a one-article story, and the set of (name, type) pairs the story entity
 * builder lists is scored against the gold names of the document, for PER, ORG and LOC.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanName, countEntities, groupMentions, storyEntities } from '../src/core/entities/index.js';
import type { TaggedMention } from '../src/core/entities/index.js';
import {
  evaluateConll,
  f1,
  parseConll,
  shippedModel,
  tagSpans,
  tagTokens,
} from '../src/core/entities/ner/index.js';
import type { ConllDocument, SpanCounts } from '../src/core/entities/ner/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' } } });
const dir = positionals[0];
if (!dir) {
  console.error('usage: npx tsx bench/ner.ts CONLL_DIR [--json]   (CONLL_DIR holds eng.testa)');
  process.exit(2);
}
const docs = parseConll(readFileSync(join(dir, 'eng.testa'), 'utf8'));
const model = shippedModel();
const fmt = (c: SpanCounts) => {
  const s = f1(c);
  return {
    precision: +s.precision.toFixed(4),
    recall: +s.recall.toFixed(4),
    f1: +s.f1.toFixed(4),
    gold: c.gold,
  };
};
const spans = (lower: boolean) =>
  Object.fromEntries(
    [...evaluateConll(docs, model, lower).counts]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([k, c]) => [k, fmt(c)]),
  );
const cased = spans(false);
const lowercased = spans(true);

// Speed: tag every sentence again, timed, on this one thread.
const sentences = docs.flat();
const tokens = sentences.reduce((n, s) => n + s.words.length, 0);
// CPU time of this process, not the wall clock: other jobs on the machine do not count against it.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const t0 = cpu();
for (const s of sentences) tagTokens(s.words, model);
const seconds = cpu() - t0;

// Document level: the story entity builder on each document as detokenised text.
const doc = { correct: 0, predicted: 0, gold: 0 };
const buildStart = cpu();
for (const d of docs) {
  const gold = goldNames(d);
  const text = d.map((s) => s.words.join(' ')).join('\n\n');
  const found = new Set(storyEntities([text]).map((e) => `${e.kind}\t${e.name}`));
  doc.gold += gold.size;
  doc.predicted += found.size;
  for (const g of gold) if (found.has(g)) doc.correct++;
}
const buildSeconds = cpu() - buildStart;

/** The gold entity list: the gold spans grouped by the same story-wide steps as the tagger's. */
function goldNames(d: ConllDocument): Set<string> {
  const raw: TaggedMention[] = [];
  d.forEach((s, i) => {
    for (const span of tagSpans(s.tags))
      raw.push({
        name: cleanName(s.words.slice(span.start, span.end).join(' ')),
        type: span.type as TaggedMention['type'],
        article: 0,
        sentence: i,
      });
  });
  return new Set(countEntities(groupMentions(raw), Infinity).map((e) => `${e.kind}\t${e.name}`));
}

const result = {
  spans: cased,
  lowercased,
  tokensPerSecond: Math.round(tokens / seconds),
  documents: {
    ...fmt(doc),
    count: docs.length,
    msPerDocument: +((buildSeconds * 1000) / docs.length).toFixed(2),
  },
};
if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  const line = (label: string, r: { precision: number; recall: number; f1: number; gold: number }) =>
    `${label.padEnd(28)} P ${r.precision.toFixed(4)}  R ${r.recall.toFixed(4)}  F1 ${r.f1.toFixed(4)}  (${r.gold} gold)`;
  for (const [k, r] of Object.entries(cased)) console.log(line(`eng.testa spans ${k}`, r));
  for (const [k, r] of Object.entries(lowercased)) console.log(line(`lowercased spans ${k}`, r));
  console.log(`tagging speed               ${result.tokensPerSecond} tokens/s (one core, ${tokens} tokens)`);
  console.log(
    line('document entity lists', result.documents) + ` ${result.documents.msPerDocument} ms CPU/doc`,
  );
}
