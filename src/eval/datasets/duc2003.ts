/**
 * DUC 2003 task 2 (generic multi-document summaries of TDT clusters): `docs.without.headlines/d30003t/…`
 * hold the SGML documents of each cluster, `detagged.duc2003.abstracts/models/D30003.M.100.T.B.html`
 * the four 100-word human summaries (plain text, one tokenized clause per line, despite the suffix).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeArticle } from '../../core/article.js';
import { ChorusError } from '../../core/errors.js';
import type { Example } from '../../io/multinews.js';
import { isDirectory } from './is-directory.js';
import { parseDucDocument } from './duc-document.js';
import { detokenizedReference } from './reference-text.js';

export interface Duc2003Options {
  /** Only task 2 is supported: task 3 has no documents here and task 4 summaries answer questions. */
  readonly task?: 2;
}

/** The folder holding the cluster folders (`root` itself, or `root/docs.without.headlines`). */
async function clusterRoot(root: string): Promise<string> {
  const nested = join(root, 'docs.without.headlines');
  return (await isDirectory(nested)) ? nested : root;
}

/** The folder holding the model summaries, searched where the DUC distribution puts them. */
async function modelRoot(root: string): Promise<string | undefined> {
  for (const candidate of [join(root, 'detagged.duc2003.abstracts', 'models'), join(root, 'models')])
    if (await isDirectory(candidate)) return candidate;
  return undefined;
}

/**
 * Reads the DUC 2003 task 2 clusters under `root`, in cluster order. Each example's story holds the
 * cluster's articles in date order (with `date` and `source`), its references the human summaries.
 * Example: `await readDuc2003('../shared/data/duc2003')` → 30 examples with 4 references each.
 */
export async function readDuc2003(root: string, options: Duc2003Options = {}): Promise<Example[]> {
  if ((options.task ?? 2) !== 2)
    throw new ChorusError('usage', `expected DUC 2003 task 2, found task ${String(options.task)}`);
  if (!(await isDirectory(root)))
    throw new ChorusError('not-found', `expected a DUC 2003 folder, found nothing at ${root}`);
  const docs = await clusterRoot(root);
  const models = await modelRoot(root);
  const modelFiles = models ? await readdir(models) : [];
  const clusters = (await readdir(docs)).filter((name) => /^d\d+t$/i.test(name)).sort();
  if (clusters.length === 0)
    throw new ChorusError(
      'empty-input',
      `expected DUC 2003 task 2 cluster folders (d30003t, …) in ${docs}, found none`,
    );
  const examples: Example[] = [];
  for (const cluster of clusters) {
    const dir = join(docs, cluster);
    const files = (await readdir(dir)).sort();
    const articles = (
      await Promise.all(
        files.map(async (f) => makeArticle(parseDucDocument(await readFile(join(dir, f), 'latin1'), f))),
      )
    )
      .filter((a) => a.text.length > 0)
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
    const stem = cluster.replace(/t$/i, '').toUpperCase();
    const rawReferences = await Promise.all(
      modelFiles
        .filter((f) => f.toUpperCase().startsWith(`${stem}.M.100.`))
        .sort()
        .map((f) => readFile(join(models ?? '', f), 'latin1')),
    );
    const references = rawReferences.map(detokenizedReference);
    examples.push({ id: cluster, story: { id: cluster, articles }, references, rawReferences });
  }
  return examples;
}
