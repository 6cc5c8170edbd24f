/** The in-process queue (SQLite's): queued once per key, one job of a kind at a time, retried on failure. */
import { describe, expect, it } from 'vitest';
import { InProcessJobs } from '../../src/jobs/in-process-jobs.js';
import { jobKey, type Job, type JobResult } from '../../src/jobs/job.js';
import { urlSchema } from '../../src/jobs/open-jobs.js';

const story = (storyId: string): Job => ({ kind: 'rebuild-report', storyId });
const feed = (feedId: string): Job => ({ kind: 'poll-feed', feedId });

async function drain(jobs: InProcessJobs): Promise<void> {
  for (let i = 0; i < 500 && (await jobs.pending()) > 0; i++) await new Promise((r) => setTimeout(r, 5));
}

describe('InProcessJobs', () => {
  it('runs a key queued several times while waiting once', async () => {
    const jobs = new InProcessJobs();
    const done: string[] = [];
    await jobs.enqueue([story('a'), story('a'), story('b'), feed('f'), story('a'), feed('f')]);
    expect(await jobs.pending()).toBe(3);
    await jobs.work((job) => {
      done.push(jobKey(job));
      return Promise.resolve('done');
    });
    await drain(jobs);
    expect(done.sort()).toEqual(['feed:f', 'story:a', 'story:b']);
    await jobs.stop();
  });

  it('runs one job of a kind at a time, kinds side by side', async () => {
    const jobs = new InProcessJobs();
    let running = 0;
    let most = 0;
    await jobs.work(async (job) => {
      if (job.kind === 'rebuild-report') {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
      }
      return 'done';
    });
    await jobs.enqueue(['a', 'b', 'c', 'd'].map(story));
    await drain(jobs);
    expect(most).toBe(1);
    await jobs.stop();
  });

  it('retries a failed job after the delay, up to the limit', async () => {
    const jobs = new InProcessJobs({ retryLimit: 2, retryDelaySeconds: 0.01 });
    const ends: (JobResult | 'failed')[] = [];
    let attempts = 0;
    await jobs.work(
      () => {
        attempts++;
        return attempts < 3 ? Promise.reject(new Error('store busy')) : Promise.resolve('done');
      },
      { onEnd: (_, result) => ends.push(result) },
    );
    await jobs.enqueue([story('x')]);
    await drain(jobs);
    expect(ends).toEqual(['failed', 'failed', 'done']);

    // Past the limit the job is dropped: the sweeper enqueues it again if the story is still stale.
    attempts = -10;
    ends.length = 0;
    await jobs.enqueue([story('y')]);
    await drain(jobs);
    expect(ends).toEqual(['failed', 'failed', 'failed']);
    await jobs.stop();
  });

  it('waits for the running job when stopped, and takes no more', async () => {
    const jobs = new InProcessJobs();
    const done: string[] = [];
    await jobs.work(async (job) => {
      await new Promise((r) => setTimeout(r, 20));
      done.push(jobKey(job));
      return 'done';
    });
    await jobs.enqueue([story('a'), story('b')]);
    await jobs.stop();
    expect(done).toEqual(['story:a']);
  });
});

describe('urlSchema', () => {
  it.each([
    ['postgres://u@h/db', undefined],
    ['postgres://u@h/db?options=-c%20search_path%3Dnews', 'news'],
    ['postgres://u@h/db?options=-c search_path=chorus_a_12', 'chorus_a_12'],
    ['postgres://u@h/db?options=-c%20search_path%3D%22bad%3Bdrop%22', 'bad'],
    ['not a url', undefined],
  ])('%s → %s', (url, schema) => {
    expect(urlSchema(url)).toBe(schema);
  });
});
