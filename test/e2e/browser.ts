/**
 * The browser and server of the end-to-end suite: Debian's Chromium (never a downloaded one) driven by
 * playwright-core, and the real Chorus server on a free port with a fresh SQLite file and the samples.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { resolveServeOptions, type ServeFlags } from '../../src/server/server-config.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';

/** Where Chromium is looked for: CHORUS_CHROMIUM, else Debian's package path. */
export const CHROMIUM_PATH = process.env.CHORUS_CHROMIUM ?? '/usr/bin/chromium';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

/**
 * Launches Chromium, or fails with what to do. vitest.config.ts leaves this suite out on a machine without
 * Chromium, except under CI=true (which .ci/run sets), so in CI a missing browser is a failure.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `expected Chromium at ${CHROMIUM_PATH}, found nothing: install it with ` +
        '`apt-get install -y chromium` (.ci/run does) or set CHORUS_CHROMIUM to its path. ' +
        'Under CI=true the end-to-end suite fails rather than skips without it.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}

export interface TestSite {
  readonly server: RunningServer;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The real server on 127.0.0.1 and a free port, over a temporary SQLite file seeded with the samples.
 * `flags` adds settings (the feeds test allows loopback feeds, served by the test itself).
 */
export async function startSite(flags: ServeFlags = {}): Promise<TestSite> {
  const dir = await mkdtemp(join(tmpdir(), 'chorus-e2e-'));
  const options = resolveServeOptions(
    {
      port: 0,
      host: '127.0.0.1',
      db: join(dir, 'e2e.db'),
      samplesDir: SAMPLES,
      logLevel: 'silent',
      ...flags,
    },
    {},
  );
  const server = await startServer(options, { logger: false });
  return {
    server,
    url: server.url,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A new page of `context` at `path` on the site, failing the test on a server error. */
export async function openPage(context: BrowserContext, site: TestSite, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(site.url + path);
  expect(response?.status(), path).toBeLessThan(500);
  return page;
}

/** A full-page screenshot into test/e2e/screenshots/NAME.png, for a person to look at after a run. */
export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}
