/**
 * Rebuilding story reports after their articles change. A report is saved with the story version it
 * was built from, and the store refuses it if the story moved on meanwhile, so an old report never
 * overwrites a newer one; the story then stays stale and the next refresh picks it up.
 *
 * A story that keeps growing (a live wire: a batch every few seconds touches it) is rebuilt at most once
 * per interval: given `builtBefore`, a stale story whose report was saved after that time is left stale
 * (`deferred`), and the worker's sweep takes it up once its report is old enough (`staleStories`), so
 * its last change is in the report at most one interval (plus a sweep) later.
 */
import { isChorusError } from '../core/errors.js';
import type { Story } from '../core/model.js';
import { buildStoryReport } from '../core/pipeline.js';
import { plainArticle } from '../storage/plain-article.js';
import type { StoredStory, Store, StoryStamp } from '../storage/store.js';
import type { BuildReport } from './report-worker.js';

export interface RefreshOptions {
  /** Summarizer of the reports. */
  readonly method: string;
  /** Word budget of each summary. */
  readonly words: number;
  /** Where reports are built: in this thread by default, or in a `ReportWorker` (the server). */
  readonly build?: BuildReport;
}

const inThisThread: BuildReport = (story, options) => Promise.resolve(buildStoryReport(story, options));

/**
 * The core Story of a stored one, without the stored title: that is the first arrival's headline, and
 * the report chooses again among all the articles (`storyTitle`), which the store then lists it under.
 */
export function storyOf(stored: StoredStory): Story {
  return { id: stored.id, articles: stored.articles.map(plainArticle) };
}

/**
 * Whether a report saved at `stamp.reportAt` is younger than the rebuild interval allows, `builtBefore`
 * being the latest save time that may be rebuilt (undefined: no interval, never too young).
 */
export const reportTooYoung = (
  stamp: Pick<StoryStamp, 'reportAt'>,
  builtBefore: string | undefined,
): boolean => builtBefore !== undefined && stamp.reportAt !== undefined && stamp.reportAt > builtBefore;

export interface Refreshed {
  /** Reports rebuilt and saved. */
  readonly reports: number;
  readonly warnings: string[];
  /** Stale stories left for later: their report is younger than the interval. */
  readonly deferred: string[];
}

/**
 * Rebuilds and saves the reports of `storyIds` that are stale; a story that fails gets a warning, the
 * rest go on. With `builtBefore` (ISO time), a story whose report was saved after it waits (`deferred`).
 */
export async function refreshReports(
  store: Store,
  storyIds: readonly string[],
  options: RefreshOptions,
  onStory: () => void = () => {},
  builtBefore?: string,
): Promise<Refreshed> {
  let reports = 0;
  const warnings: string[] = [];
  const deferred: string[] = [];
  const build = options.build ?? inThisThread;
  for (const id of storyIds) {
    onStory();
    // The stamp is cheap (no articles): a current story, rebuilt meanwhile by a job or an earlier call,
    // costs one small read, and a deferred one is not read whole.
    const stamp = await store.storyStamp(id);
    if (!stamp || stamp.reportVersion === stamp.version) continue;
    if (reportTooYoung(stamp, builtBefore)) {
      deferred.push(id);
      continue;
    }
    const stored = await store.getStory(id);
    if (!stored || stored.articles.length === 0) continue;
    try {
      const report = await build(storyOf(stored), { method: options.method, words: options.words });
      if (await store.putReport(id, stored.version, report)) reports++;
    } catch (error) {
      if (isChorusError(error) && error.code === 'storage') throw error;
      warnings.push(
        `report of story ${id} not rebuilt: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { reports, warnings, deferred };
}
