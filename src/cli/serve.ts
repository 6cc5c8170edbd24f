/**
 * `chorus serve`: the web interface and JSON API over a store. Flags and environment are merged into
 * the server's options once (`resolveServeOptions`); SIGINT and SIGTERM close the server, then the store.
 */
import { stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { ChorusError } from '../core/errors.js';
import {
  DEFAULT_POLL_EVERY_S,
  DEFAULT_REPORT_EVERY_S,
  resolveServeOptions,
  SERVER_DEFAULTS,
  type ServeFlags,
} from '../server/server-config.js';
import { startServer } from '../server/start-server.js';
import { EXIT_CODES } from './exit-codes.js';
import { DB_OPTION_HELP } from './feeds.js';
import { parsePositiveInt, parseSeconds } from './options.js';

/** How long running requests may take to finish after SIGINT or SIGTERM. */
const SHUTDOWN_GRACE_MS = 15_000;

function parsePort(value: string): number {
  return value === '0' ? 0 : parsePositiveInt(value);
}

/**
 * A --samples-dir given by hand must be a folder: a typo would otherwise start an empty server without a
 * word. The default (`samples` in the working directory) may be missing: the server then starts empty.
 */
async function requireSamplesDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info)
    throw new ChorusError(
      'not-found',
      `expected a folder of sample stories for --samples-dir, found nothing at ${dir}`,
    );
  if (!info.isDirectory())
    throw new ChorusError(
      'usage',
      `expected a folder of sample stories for --samples-dir, found a file at ${dir}`,
    );
}

/** Runs the server until SIGINT or SIGTERM; resolves once everything is closed. */
export async function runServer(flags: ServeFlags): Promise<void> {
  const options = resolveServeOptions(flags, process.env);
  if (flags.samplesDir !== undefined && options.loadSamples) await requireSamplesDir(flags.samplesDir);
  const server = await startServer(options);
  const writes = options.config.token ? 'writes need the token' : 'writes open (loopback only)';
  process.stdout.write(`Chorus is running at ${server.url}/ (API at ${server.url}/api, ${writes})\n`);
  if (server.samplesLoaded > 0)
    process.stdout.write(`Loaded ${server.samplesLoaded} sample articles from ${options.samplesDir}/\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write(`Stopping (${signal})…\n`);
  // Requests still running get time to finish; a client that never finishes must not keep the
  // process alive (the store is crash-safe, so exiting without closing it loses nothing committed).
  const force = setTimeout(() => {
    process.stderr.write(
      `chorus: requests still running after ${SHUTDOWN_GRACE_MS / 1000} s; exiting anyway\n`,
    );
    process.exit(EXIT_CODES.internal);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  await server.close();
  clearTimeout(force);
}

/** The flags `serve` and `start` share. */
export function serverFlags(command: Command): Command {
  return (
    command
      .option(
        '--port <n>',
        `port to listen on, 0 for any free one (default: $PORT, else ${SERVER_DEFAULTS.port})`,
        parsePort,
      )
      .option('--host <host>', `address to listen on (default ${SERVER_DEFAULTS.host})`)
      .option('--db <path-or-url>', DB_OPTION_HELP)
      .option(
        '--token <token>',
        'bearer token required for writes (default: $CHORUS_TOKEN, which other users cannot see in ps)',
      )
      .option('--no-samples', 'do not load the sample stories into an empty store')
      .option(
        '--samples-dir <dir>',
        'where the sample stories are (default samples; given, it must exist: exit 3 if not)',
      )
      .option('--max-upload-bytes <n>', 'largest request body accepted (default 5 MiB)', parsePositiveInt)
      .option(
        '--allow-private',
        'let feeds point at private or loopback addresses (never link-local or cloud metadata)',
      )
      // The old spelling, kept working but out of the help: `chorus feeds` says --allow-private.
      .addOption(new Option('--allow-private-feeds').hideHelp())
      .option('--no-worker', 'serve only: no background report rebuilds or feed polls')
      .option(
        '--poll-every <seconds>',
        `poll each feed this long after its last poll (default ${DEFAULT_POLL_EVERY_S})`,
        parsePositiveInt,
      )
      .option(
        '--report-every <seconds>',
        `rebuild a growing story's report at most this often; 0 after every batch (default ${DEFAULT_REPORT_EVERY_S}, 0 with --no-worker)`,
        parseSeconds,
      )
      .option('--log-requests', 'log every request as a JSON line (default: $CHORUS_LOG_REQUESTS, else off)')
      .option(
        '--log-level <level>',
        'fatal, error, warn, info, debug, trace or silent (default: $CHORUS_LOG_LEVEL, else info)',
      )
  );
}

export function register(program: Command): void {
  serverFlags(program.command('serve'))
    .description('serve the web interface and the JSON API (/api, /openapi.json) over the store')
    .addHelpText(
      'after',
      `
Examples:
  chorus serve
  CHORUS_TOKEN=s3cret chorus serve --host 0.0.0.0 --port 8080 --db postgres://chorus@127.0.0.1/chorus

Environment: DATABASE_URL (store, when --db is not given), CHORUS_TOKEN (write token), PORT,
CHORUS_LOG_LEVEL, CHORUS_LOG_REQUESTS.
Listening on an address other than loopback requires a token. An empty store is loaded with the sample
stories of samples/ unless --no-samples. A background worker rebuilds stale story reports until none
are left and polls feeds when due (chorus worker runs it alone; --no-worker turns it off). A story that
keeps growing has its report rebuilt at most every --report-every seconds: a post into it may answer
before its report shows the post (the API says "reportCurrent": false, the page says the report is being
rebuilt), and the worker rebuilds it once the interval has passed. Stops cleanly on Ctrl-C or SIGTERM,
after rebuilding the reports it put off.`,
    )
    .action(async (flags: ServeFlags) => runServer(flags));
}
