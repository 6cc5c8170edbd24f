/**
 * `chorus cluster PATH…`: reads articles from files, directories and JSONL/Multi-News files, clusters
 * them into stories in the order given (an online clusterer from the registry, as the feed ingest runs
 * it) and prints each story with its articles, marking syndicated copies; on request each story's
 * summary, each decision's explanation, or everything as JSON.
 * Inputs are read by the shared reader (`readInputs`), as `chorus summarize` and `chorus ingest` read them.
 */
import { Command, Option } from 'commander';
import type { ClusterDecision } from '../core/cluster/clusterer.js';
import { clustererNames, createClusterer } from '../core/cluster/registry.js';
import { findDuplicates } from '../core/dedupe/find-duplicates.js';
import { ChorusError } from '../core/errors.js';
import type { Article, DuplicateLink, Summary } from '../core/model.js';
import { getSummarizer, summarizerNames } from '../core/summarize/registry.js';
import { prepareStory } from '../core/prepare-story.js';
import { readInputs } from '../io/index.js';
import { parseFraction, parsePositiveInt } from './options.js';
import { exitCodeOf, noArticlesError, printReadProblems, readProblems } from './read-outcomes.js';

interface ClusterFlags {
  method: string;
  threshold?: number;
  summaries?: boolean;
  summarizer: string;
  words: number;
  explain?: boolean;
  json?: boolean;
  maxBytes: number;
}

interface StoryOut {
  readonly id: string;
  readonly articles: readonly Article[];
  readonly duplicates: readonly DuplicateLink[];
  readonly summary?: Summary;
}

/** One story as text: its articles, their copies, and on request each decision and the summary. */
function renderStory(s: StoryOut, byArticle: ReadonlyMap<string, ClusterDecision> | undefined): string {
  const out: string[] = [];
  const title = s.articles.find((a) => a.title)?.title;
  out.push(
    `## ${s.id}: ${title ?? s.articles[0]?.text.slice(0, 70).replace(/\s+/g, ' ') + '…'} (${s.articles.length} article${s.articles.length === 1 ? '' : 's'})`,
  );
  const copies = new Map(s.duplicates.map((d) => [d.article, d]));
  s.articles.forEach((a, i) => {
    const copy = copies.get(i);
    const meta = [a.date, a.title && `“${a.title}”`].filter(Boolean).join(' · ');
    out.push(
      `  [${i + 1}] ${a.source}${meta ? ` · ${meta}` : ''} (${a.id})${copy ? ` — copy of [${copy.original + 1}], ${Math.round(copy.similarity * 100)}% similar` : ''}`,
    );
    const d = byArticle?.get(a.id);
    if (d) {
      const why = d.terms.map((t) => `${t.term} ${t.weight.toFixed(3)}`).join(', ');
      out.push(
        `      ${d.newStory ? 'started the story' : 'joined'} at score ${d.score.toFixed(3)}${why ? `: ${why}` : ''}${d.merges.length ? `; merged ${d.merges.map((m) => `${m.from} into ${m.into}`).join(', ')}` : ''}`,
      );
    }
  });
  if (s.summary) {
    out.push('', `  Summary (${s.summary.method}, ${s.summary.words} words):`);
    out.push(`  ${s.summary.sentences.map((x) => x.text).join(' ') || '(no usable sentences)'}`);
  }
  out.push('', '');
  return out.join('\n');
}

/**
 * Writes to standard output in chunks of about a megabyte, waiting when the reader is slower: a quarter
 * of a million decisions made into one string cost a gigabyte (`docs/clustering.md`).
 */
class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (process.stdout.write(chunk) === false)
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

export async function runCluster(paths: readonly string[], flags: ClusterFlags): Promise<number> {
  if (paths.length === 0)
    throw new ChorusError('usage', 'expected at least one file or directory to cluster, found none');
  // Rejected and skipped inputs are told on stderr, not fatal (exit 11, as summarize and ingest).
  const read = await readInputs(paths, { maxBytes: flags.maxBytes, stdin: process.stdin });
  printReadProblems(read);
  if (read.articles.length === 0) throw noArticlesError(read);
  const clusterer = createClusterer(
    flags.method,
    flags.threshold === undefined ? {} : { threshold: flags.threshold },
  );
  const out = new ChunkedWriter();
  // JSON is written as it is made: decisions as they are decided (one a line), then the stories. Only
  // `--explain` text holds the decisions, to print each beside its article.
  const byArticle = flags.explain && !flags.json ? new Map<string, ClusterDecision>() : undefined;
  if (flags.json) await out.write(`{"method":${JSON.stringify(flags.method)},"decisions":[`);
  let first = true;
  for (const a of read.articles) {
    const d = clusterer.add(a);
    byArticle?.set(a.id, d);
    if (flags.json) {
      await out.write(`${first ? '' : ','}\n${JSON.stringify(d)}`);
      first = false;
    }
  }
  if (flags.json) await out.write('\n],"stories":[');
  const byId = new Map(read.articles.map((a) => [a.id, a]));
  const summarizer = flags.summaries ? getSummarizer(flags.summarizer) : undefined;
  const stories = clusterer.stories().sort((a, b) => b.articles.length - a.articles.length);
  first = true;
  for (const s of stories) {
    const articles = s.articles.flatMap((id) => byId.get(id) ?? []);
    const story: StoryOut = {
      id: s.id,
      articles,
      duplicates: findDuplicates(articles),
      ...(summarizer && {
        summary: summarizer.summarize(prepareStory({ id: s.id, articles }).forSummary, {
          words: flags.words,
        }),
      }),
    };
    await out.write(
      flags.json ? `${first ? '' : ','}\n${JSON.stringify(story)}` : renderStory(story, byArticle),
    );
    first = false;
  }
  if (flags.json) await out.write(`\n],"problems":${JSON.stringify(readProblems(read))}}\n`);
  await out.flush();
  return exitCodeOf(read.outcomes);
}

export function register(program: Command): void {
  program
    .command('cluster')
    .description(
      'group articles into stories as an online stream would, and list each story with its articles',
    )
    .argument(
      '<paths...>',
      'files or directories: text, JSON, JSONL article records, Multi-News (.jsonl, .jsonl.gz, .src)',
    )
    .addOption(new Option('-m, --method <name>', 'clusterer').choices(clustererNames()).default('chorus'))
    .option(
      '-t, --threshold <x>',
      'least score to join a story (default: the method’s measured one)',
      parseFraction,
    )
    .option('-s, --summaries', "add each story's summary")
    .addOption(
      new Option('--summarizer <name>', 'summarizer for --summaries')
        .choices(summarizerNames())
        .default(summarizerNames()[0]),
    )
    .option('-w, --words <n>', 'word budget of each summary', parsePositiveInt, 120)
    .option('-e, --explain', 'show why each article joined or started its story (score and top terms)')
    .option('--json', 'stories, articles, duplicates, summaries and every decision as JSON')
    .option('--max-bytes <n>', 'largest input file read, in bytes', parsePositiveInt, 100 * 1024 * 1024)
    .addHelpText(
      'after',
      `
Examples:
  chorus cluster articles/ --explain
  chorus cluster feed-dump.jsonl --summaries --words 80
  chorus cluster validation.jsonl.gz --method tfidf --threshold 0.3 --json`,
    )
    .action(async (paths: string[], flags: ClusterFlags) => {
      process.exitCode = await runCluster(paths, flags);
    });
}
