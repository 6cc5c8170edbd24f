/**
 * The golden cases: every sample story under samples/, plus the cases under test/fixtures/golden/*
 * that carry their own articles/ folder (hostile and edge inputs). Each case's expected output lives in
 * test/fixtures/golden/<case>/expected.{md,json}; only scripts/update-golden.ts writes them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown } from '../../src/web/render-markdown.js';
import { buildStoryReport } from '../../src/core/pipeline.js';
import { readInputs } from '../../src/io/index.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const GOLDEN = join(ROOT, 'test/fixtures/golden');

export interface GoldenCase {
  readonly name: string;
  readonly inputs: string;
  readonly expected: string;
}

function dirs(path: string): string[] {
  return existsSync(path)
    ? readdirSync(path, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
}

export function goldenCases(): GoldenCase[] {
  const samples = dirs(join(ROOT, 'samples')).map((name) => ({
    name,
    inputs: join(ROOT, 'samples', name),
    expected: join(GOLDEN, name),
  }));
  const own = dirs(GOLDEN)
    .filter((name) => existsSync(join(GOLDEN, name, 'articles')))
    .map((name) => ({ name, inputs: join(GOLDEN, name, 'articles'), expected: join(GOLDEN, name) }));
  return [...samples, ...own];
}

/** Runs the pipeline on one case, with the defaults a user gets, and returns both outputs. */
export async function runCase(c: GoldenCase): Promise<{ md: string; json: string }> {
  const read = await readInputs([c.inputs]);
  const report = buildStoryReport({ id: c.name, articles: read.articles });
  const md = renderMarkdown(report);
  const json =
    JSON.stringify(
      { report, inputs: read.outcomes.map((o) => ({ ...o, input: o.input.slice(ROOT.length) })) },
      null,
      2,
    ) + '\n';
  return { md, json };
}
