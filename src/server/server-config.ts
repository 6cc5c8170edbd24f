/**
 * Flags, environment and defaults → the server's settings, merged here once. `chorus serve` and
 * `chorus start` pass their flags and `process.env`; nothing else in the server reads either.
 */
import { ChorusError } from '../core/errors.js';
import type { OpenStoreOptions } from '../storage/open-store.js';
import { STORE_DEFAULTS } from '../storage/open-store.js';
import type { ServerConfig } from './deps.js';

export const SERVER_DEFAULTS: ServerConfig = Object.freeze({
  host: '127.0.0.1',
  port: 8080,
  maxUploadBytes: 5 * 1024 * 1024,
  allowPrivateFeeds: false,
  logLevel: 'info',
  logRequests: false,
});

/** Feeds are polled every 15 minutes unless `--poll-every` says otherwise. */
export const DEFAULT_POLL_EVERY_S = 15 * 60;

/**
 * A story's report is rebuilt at most every 30 s unless `--report-every` says otherwise: an editor
 * watching a live wire sees a growing story's report at most half a minute behind, and a story that
 * grows all day costs at most 2 rebuilds a minute, not one per batch (docs/operations.md).
 */
export const DEFAULT_REPORT_EVERY_S = 30;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** What `chorus serve` accepts as flags (commander's camel-cased names). */
export interface ServeFlags {
  readonly port?: number;
  readonly host?: string;
  readonly db?: string;
  readonly token?: string;
  /** False with `--no-samples`. */
  readonly samples?: boolean;
  readonly samplesDir?: string;
  readonly maxUploadBytes?: number;
  /** `--allow-private` (one spelling with `chorus feeds`). */
  readonly allowPrivate?: boolean;
  /** The old spelling, still accepted. */
  readonly allowPrivateFeeds?: boolean;
  readonly logLevel?: string;
  /** False with `--no-worker`: serve only, no background rebuilds or feed polls. */
  readonly worker?: boolean;
  /** `--poll-every <seconds>`: a feed is polled again this long after its last poll. */
  readonly pollEvery?: number;
  /** `--report-every <seconds>`: a story's report is rebuilt at most this often (0: after every batch). */
  readonly reportEvery?: number;
  /** `--log-requests`: one JSON line per request and per response. */
  readonly logRequests?: boolean;
}

/** Everything the server process needs, after the merge. */
export interface ServeOptions {
  readonly config: ServerConfig;
  readonly database: OpenStoreOptions;
  /** Load the bundled samples into an empty store on start. */
  readonly loadSamples: boolean;
  readonly samplesDir: string;
  /** Keep the background worker (stale reports to zero, feeds polled when due). */
  readonly worker: boolean;
  /** A feed is polled again this long after its last poll, in ms. */
  readonly pollEveryMs: number;
  /**
   * A story's report is rebuilt at most this often, in ms (0: after every batch). The batches leave a
   * younger report stale and the worker rebuilds it when due, so without a worker it defaults to 0.
   */
  readonly reportEveryMs: number;
}

/** Environment variables the server reads (documented in `chorus serve --help`). */
export interface ServeEnv {
  readonly CHORUS_TOKEN?: string | undefined;
  readonly DATABASE_URL?: string | undefined;
  readonly CHORUS_LOG_LEVEL?: string | undefined;
  /** Port when --port is not given (the convention of hosting platforms and `PORT=8893 npm start`). */
  readonly PORT?: string | undefined;
  /** `1` or `true`: log every request, as `--log-requests`. */
  readonly CHORUS_LOG_REQUESTS?: string | undefined;
}

/** The PORT variable as a port number; anything else is a usage error, not a silent 8080. */
function envPort(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || port > 65535)
    throw new ChorusError('usage', `expected a port from 0 to 65535 in PORT, found "${value}"`);
  return port;
}

/** True for host names that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Merges flags over environment over defaults, and refuses settings that would be unsafe or unusable:
 * a port out of range, an unknown log level, or a non-loopback host with no token (anyone on the
 * network could then write to the store).
 * @example resolveServeOptions({ port: 9000 }, process.env).config.port === 9000
 */
export function resolveServeOptions(flags: ServeFlags, env: ServeEnv): ServeOptions {
  const token = (flags.token ?? env.CHORUS_TOKEN)?.trim() || undefined;
  const logLevel = (flags.logLevel ?? env.CHORUS_LOG_LEVEL ?? SERVER_DEFAULTS.logLevel).toLowerCase();
  const port = flags.port ?? envPort(env.PORT);
  const logRequests = flags.logRequests ?? /^(1|true|yes)$/i.test(env.CHORUS_LOG_REQUESTS?.trim() ?? '');
  const config: ServerConfig = {
    ...SERVER_DEFAULTS,
    ...(flags.host !== undefined && { host: flags.host }),
    ...(port !== undefined && { port }),
    logRequests,
    ...(flags.maxUploadBytes !== undefined && { maxUploadBytes: flags.maxUploadBytes }),
    ...((flags.allowPrivate ?? flags.allowPrivateFeeds) !== undefined && {
      allowPrivateFeeds: Boolean(flags.allowPrivate ?? flags.allowPrivateFeeds),
    }),
    logLevel,
    ...(token && { token }),
  };
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535)
    throw new ChorusError('usage', `expected a port from 0 to 65535, found ${config.port}`);
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new ChorusError('usage', `expected a log level (${LOG_LEVELS.join(', ')}), found "${logLevel}"`);
  if (!config.token && !isLoopbackHost(config.host)) {
    throw new ChorusError(
      'forbidden',
      `refusing to listen on ${config.host} without a token: anyone who can reach it could write to the ` +
        'store. Set CHORUS_TOKEN or pass --token, or listen on 127.0.0.1',
    );
  }
  const url = flags.db ?? env.DATABASE_URL;
  const worker = flags.worker ?? true;
  const pollEveryMs = (flags.pollEvery ?? DEFAULT_POLL_EVERY_S) * 1000;
  const reportEvery = flags.reportEvery ?? (worker ? DEFAULT_REPORT_EVERY_S : 0);
  if (!Number.isFinite(reportEvery) || reportEvery < 0)
    throw new ChorusError('usage', `expected --report-every in seconds (0 or more), found ${reportEvery}`);
  return {
    config: { ...config, ...(worker && { pollEveryMs }) },
    database: url ? { databaseUrl: url } : { sqlitePath: STORE_DEFAULTS.sqlitePath },
    loadSamples: flags.samples ?? true,
    samplesDir: flags.samplesDir ?? 'samples',
    worker,
    pollEveryMs,
    reportEveryMs: reportEvery * 1000,
  };
}
