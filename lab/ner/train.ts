/**
 * Rebuilds the shipped NER model, byte for byte, from CoNLL-2003 (and word clusters, see clusters.ts).
 *
 *   npx tsx lab/ner/train.ts CONLL_DIR [--clusters FILE] [--out FILE] [--epochs N]
 *
 * CONLL_DIR holds eng.train (training) and eng.testa (scores printed after training; never used to fit).
 * Writes src/core/entities/ner/model.json by default.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateConll, f1, parseConll, parseModel } from '../../src/core/entities/ner/index.js';
import { buildGazetteer, lexicon } from './gazetteer.js';
import { trainTagger, TRAIN_DEFAULTS } from './train-tagger.js';

export function readClusters(path: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!path) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, ...ids] = line.split(/[\t ]/);
    if (word && ids.length > 0) out.set(word, ids);
  }
  return out;
}

function main(argv: string[]): void {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dir = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!dir) {
    console.error('usage: npx tsx lab/ner/train.ts CONLL_DIR [--clusters FILE] [--out FILE] [--epochs N]');
    process.exit(2);
  }
  const out = flag('--out') ?? 'src/core/entities/ner/model.json';
  const epochs = Number(flag('--epochs') ?? TRAIN_DEFAULTS.epochs);
  const clusters = readClusters(flag('--clusters'));
  const train = parseConll(readFileSync(join(dir, 'eng.train'), 'utf8'));
  const halves = [0, 1].map((h) => buildGazetteer(train.filter((_, d) => d % 2 === h)));
  const halfLex = halves.map((g) => lexicon(g, clusters));
  const full = lexicon(buildGazetteer(train), clusters);
  const t0 = Date.now();
  const text = trainTagger(train, (d) => halfLex[1 - (d % 2)]!, full, {
    epochs,
    onEpoch: (e, m) =>
      console.error(`epoch ${e}: ${m} sentences wrong (${((Date.now() - t0) / 1000).toFixed(0)} s)`),
  });
  writeFileSync(out, JSON.stringify({ data: text }) + '\n');
  console.error(`wrote ${out} (${(Buffer.byteLength(JSON.stringify({ data: text })) / 1e6).toFixed(1)} MB)`);
  const model = parseModel(text);
  const testa = parseConll(readFileSync(join(dir, 'eng.testa'), 'utf8'));
  for (const lower of [false, true]) {
    const s = f1(evaluateConll(testa, model, lower).counts.get('ALL')!);
    console.error(
      `eng.testa${lower ? ' lowercased' : ''}: P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)}`,
    );
  }
}

if (process.argv[1]?.endsWith('train.ts')) main(process.argv.slice(2));
