/**
 * Quotes whose PolNeAR source is a name and that the chooser leaves unnamed or names wrongly, held out
 * on the folds of train (unsure.ts heldOut) at the shipped thresholds, sorted by cause:
 *  - `nocand`: the right person is no candidate (the person or cue rules cut or miss the name);
 *  - `below`: a candidate, but not on top;
 *  - `under`: on top, under the threshold.
 *
 *   npx tsx lab/speakers/named.ts POLNEAR_DIR [--list CAUSE] [--context N]
 *
 * `--list` prints one cause's quotes (file, offset, cue, outcome, gold source, top candidate and p, the
 * right candidate's rank and p) and, with `--context`, N characters of the article before the quote to
 * read them; the repository keeps no article text.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CueKind } from '../../src/core/quotes/speaker-candidates.js';
import { readPolnear, readSpeakerKey } from '../../src/eval/datasets/polnear.js';
import { readKeySections, speakerExamples } from './examples.js';
import { KEY_PATH } from './train.js';
import { groupOf, heldOut, type Held } from './unsure.js';
import model from '../../src/core/quotes/speaker-model.json' with { type: 'json' };

export type Cause = 'nocand' | 'below' | 'under';

/** Why a held-out quote that is not named right ends so; undefined when it is named right. */
export function causeOf(h: Held, threshold: number): Cause | undefined {
  const g = groupOf(h, threshold);
  if (g === 'right') return undefined;
  if (h.e.right.length === 0) return 'nocand';
  return h.ok ? 'under' : 'below';
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { list: { type: 'string' }, context: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(
      'usage: npx tsx lab/speakers/named.ts POLNEAR_DIR [--list nocand|below|under] [--context N]',
    );
    process.exit(values.help ? 0 : 2);
  }
  const thresholds = model.thresholds as Record<CueKind, number>;
  const articles = readPolnear(positionals[0]!, 'train');
  const examples = speakerExamples(articles, readSpeakerKey(KEY_PATH), readKeySections(KEY_PATH));
  const rows: { h: Held; cause: Cause; outcome: string; rank: number; pr: number }[] = [];
  for (const h of heldOut(examples).filter((x) => x.e.kind === 'named')) {
    const cause = causeOf(h, thresholds[h.e.cue]);
    if (!cause) continue;
    const order = h.ps.map((_, i) => i).sort((a, b) => h.ps[b]! - h.ps[a]! || a - b);
    const rank = order.findIndex((i) => h.e.right.includes(i));
    rows.push({
      h,
      cause,
      outcome: h.p >= thresholds[h.e.cue] ? 'wrong' : 'none',
      rank,
      pr: rank < 0 ? 0 : h.ps[order[rank]!]!,
    });
  }
  const named = examples.filter((e) => e.kind === 'named' && !e.unsure).length;
  if (!values.list) {
    console.log(`named-source quotes held out: ${named}; not named right: ${rows.length}`);
    const cells = new Map<string, number>();
    for (const r of rows) {
      const k = `${r.outcome} ${r.cause} ${r.h.e.cue}`;
      cells.set(k, (cells.get(k) ?? 0) + 1);
    }
    for (const [k, n] of [...cells].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      console.log(`${k}: ${n}`);
    return;
  }
  const context = Number(values.context ?? 0);
  for (const r of rows.filter((x) => x.cause === values.list)) {
    const { e } = r.h;
    const name = (i?: number) => (i === undefined ? '' : e.candidates[i]!.speaker);
    console.log(
      [
        e.file,
        e.at,
        e.cue,
        r.outcome,
        e.target ?? '',
        name(r.h.top),
        r.h.p.toFixed(2),
        r.rank,
        r.pr.toFixed(2),
      ].join('\t'),
    );
    if (context > 0) {
      const text = articles[e.article]!.text;
      console.log(`    ${text.slice(Math.max(0, e.at - context), e.at + 120).replace(/\s+/g, ' ')}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
