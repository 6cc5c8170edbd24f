import { existsSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

// The end-to-end suite drives Debian's Chromium. On a machine with only Node and npm (the README's quick
// start) it is left out with a warning, as the PostgreSQL half of the storage suite is; under CI=true it
// always runs, and fails if the browser is missing (test/e2e/browser.ts says what to install).
const chromium = process.env.CHORUS_CHROMIUM ?? '/usr/bin/chromium';
const skipBrowser = !existsSync(chromium) && process.env.CI !== 'true';
if (skipBrowser) {
  console.warn(
    `end-to-end tests: no Chromium at ${chromium}, so test/e2e is SKIPPED ` +
      "(apt-get install chromium, as .ci/run does, or set CHORUS_CHROMIUM to a browser's path)",
  );
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: skipBrowser ? [...configDefaults.exclude, 'test/e2e/**'] : configDefaults.exclude,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
