/**
 * The 70 cased newswire clusters of the eleventh round's trust audit (docs/known-gaps.md): the 60
 * DUC 2003 cluster folders (all tasks, name order) and the 10 TAC 2011 MultiLing English topics, each
 * article written as the plain-text file a user would give (`Title:`, `Source:`, `Date:` header lines,
 * then the text as `bench/eval.ts` reads it) and read back by the CLI's reader, in date order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Story } from '../../src/core/model.js';
import { makeArticle, type ArticleFields } from '../../src/core/article.js';
import { parseDucDocument } from '../../src/eval/datasets/duc-document.js';
import { parseTacDocument } from '../../src/eval/datasets/tac2011.js';
import { parseTextArticle } from '../../src/io/text-article.js';

/** An article as `chorus summarize` reads it from a plain-text file carrying its header lines. */
function asTextFile(fields: ArticleFields): Article {
  const a = makeArticle(fields);
  const header = [a.title && `Title: ${a.title}`, `Source: ${a.source}`, a.date && `Date: ${a.date}`].filter(
    Boolean,
  );
  return parseTextArticle(`${header.join('\n')}\n\n${a.text}\n`, { fileName: `${a.id}.txt` });
}

function byDate(articles: Article[]): Article[] {
  return articles.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
}

/** The clusters under a DUC 2003 folder and a TAC 2011 folder, as stories. */
export function readCasedClusters(duc: string, tac: string): Story[] {
  const stories: Story[] = [];
  const docs = join(duc, 'docs.without.headlines');
  for (const cluster of readdirSync(docs).sort()) {
    const dir = join(docs, cluster);
    const articles = readdirSync(dir)
      .sort()
      .map((f) => asTextFile(parseDucDocument(readFileSync(join(dir, f), 'latin1'), f)))
      .filter((a) => a.text.length > 0);
    stories.push({ id: cluster, articles: byDate(articles) });
  }
  const sources = join(tac, 'TAC 2011 MultiLing Pilot Dataset', 'SourceTexts');
  const files = readdirSync(sources)
    .filter((f) => /^M\d{4}\.english$/i.test(f))
    .sort();
  for (const topic of [...new Set(files.map((f) => f.slice(0, 4)))]) {
    const articles = files
      .filter((f) => f.startsWith(topic))
      .map((f) =>
        asTextFile(parseTacDocument(readFileSync(join(sources, f), 'utf8'), f.replace(/\.english$/i, ''))),
      )
      .filter((a) => a.text.length > 0);
    stories.push({ id: topic, articles: byDate(articles) });
  }
  return stories;
}
