/**
 * Single-core speed of summarizers, one child process per method so each gets its own peak memory:
 *
 *   npx tsx bench/summarize-speed.ts ../shared/data/multi-news/validation.jsonl.gz --methods lead,lexrank,chorus
 *
 * Timed: what `chorus summarize` does per story after reading it — text analysis (sentences, tokens,
 * stems) and the summarizer, or with `--pipeline` the whole report (summary, citations, duplicates,
 * comparison of the sources). Not timed: reading and parsing the file (done before the clock starts).
 * Prints per method: examples/s, input words/s, peak RSS of its process, and RSS once the data is loaded.
 */
import { execFileSync } from 'node:child_process';
import { resourceUsage } from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getSummarizer, summarizerNames } from '../src/core/summarize/registry.js';
import { prepareStory } from '../src/core/prepare-story.js';
import { readMultiNews, type Example } from '../src/io/multinews.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    methods: { type: 'string' },
    limit: { type: 'string' },
    words: { type: 'string', default: '250' },
    pipeline: { type: 'boolean' },
    child: { type: 'string' },
  },
});

interface Measured {
  method: string;
  examples: number;
  inputWords: number;
  seconds: number;
  loadedRssMb: number;
  peakRssMb: number;
}

const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

async function measure(path: string, method: string): Promise<Measured> {
  const summarizer = getSummarizer(method);
  // Loaded only when asked for, so the summarizer bench runs while the comparison stage is unfinished.
  const pipeline = values.pipeline ? await import('../src/core/pipeline.js') : undefined;
  const words = Number(values.words);
  const examples: Example[] = [];
  for await (const e of readMultiNews(path, values.limit ? { limit: Number(values.limit) } : {}))
    examples.push(e);
  const loadedRssMb = process.memoryUsage().rss / 2 ** 20;
  let inputWords = 0;
  const started = performance.now();
  for (const { story } of examples) {
    const articles = story.articles.filter((a) => a.text.length > 0);
    if (articles.length === 0) continue;
    for (const a of articles) inputWords += countWords(a.text);
    if (pipeline) pipeline.buildStoryReport({ ...story, articles }, { method, words });
    else summarizer.summarize(prepareStory({ ...story, articles }).forSummary, { words });
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    method,
    examples: examples.length,
    inputWords,
    seconds,
    loadedRssMb,
    peakRssMb: resourceUsage().maxRSS / 1024,
  };
}

const path = positionals[0];
if (!path) {
  console.error(
    'usage: bench/summarize-speed.ts DATA_PATH [--methods lead,lexrank,chorus] [--limit N] [--pipeline]',
  );
  process.exit(2);
}
if (values.child) {
  process.stdout.write(JSON.stringify(await measure(path, values.child)));
} else {
  const methods = values.methods ? values.methods.split(',') : summarizerNames();
  for (const m of methods) getSummarizer(m);
  const stage = values.pipeline
    ? 'whole report (analysis, summary, citations, dedupe, comparison)'
    : 'analysis + summarizer';
  console.log(`one core, timed: ${stage}; ${values.words}-word budget`);
  console.log('method       examples    ex/s   input words/s   peak RSS MB   loaded RSS MB');
  for (const method of methods) {
    const args = [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      path,
      '--child',
      method,
      '--words',
      values.words,
    ];
    if (values.limit) args.push('--limit', values.limit);
    if (values.pipeline) args.push('--pipeline');
    const m = JSON.parse(
      execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }),
    ) as Measured;
    console.log(
      [
        m.method.padEnd(10),
        String(m.examples).padStart(10),
        (m.examples / m.seconds).toFixed(1).padStart(7),
        Math.round(m.inputWords / m.seconds)
          .toLocaleString('en-US')
          .padStart(15),
        m.peakRssMb.toFixed(0).padStart(13),
        m.loadedRssMb.toFixed(0).padStart(15),
      ].join(' '),
    );
  }
}
