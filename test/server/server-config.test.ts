/** Flags over environment over defaults, merged once, and the settings the server refuses. */
import { describe, expect, it } from 'vitest';
import { ChorusError } from '../../src/core/errors.js';
import {
  isLoopbackHost,
  resolveServeOptions,
  SERVER_DEFAULTS,
  type ServeEnv,
  type ServeFlags,
} from '../../src/server/server-config.js';

describe('resolveServeOptions', () => {
  it('uses the defaults when nothing is given', () => {
    expect(resolveServeOptions({}, {})).toEqual({
      // The pages show when the worker polls a feed next.
      config: { ...SERVER_DEFAULTS, pollEveryMs: 900_000 },
      database: { sqlitePath: './chorus.db' },
      loadSamples: true,
      samplesDir: 'samples',
      worker: true,
      pollEveryMs: 900_000,
      reportEveryMs: 30_000,
    });
  });

  it('tells the pages no worker polls feeds under --no-worker', () => {
    expect(resolveServeOptions({ worker: false }, {}).config.pollEveryMs).toBeUndefined();
  });

  it.each<[string, ServeFlags, ServeEnv, object]>([
    ['flag port', { port: 9000 }, {}, { config: expect.objectContaining({ port: 9000 }) }],
    ['env token', {}, { CHORUS_TOKEN: 'abc' }, { config: expect.objectContaining({ token: 'abc' }) }],
    [
      'flag token over env',
      { token: 'flag' },
      { CHORUS_TOKEN: 'env' },
      { config: expect.objectContaining({ token: 'flag' }) },
    ],
    [
      'blank env token is none',
      {},
      { CHORUS_TOKEN: '  ' },
      { config: expect.not.objectContaining({ token: expect.anything() }) },
    ],
    [
      'env database',
      {},
      { DATABASE_URL: 'postgres://u@h/d' },
      { database: { databaseUrl: 'postgres://u@h/d' } },
    ],
    [
      'flag db over env',
      { db: 'x.db' },
      { DATABASE_URL: 'postgres://u@h/d' },
      { database: { databaseUrl: 'x.db' } },
    ],
    ['no samples', { samples: false }, {}, { loadSamples: false }],
    [
      'env log level',
      {},
      { CHORUS_LOG_LEVEL: 'WARN' },
      { config: expect.objectContaining({ logLevel: 'warn' }) },
    ],
    ['PORT from the environment', {}, { PORT: '8893' }, { config: expect.objectContaining({ port: 8893 }) }],
    [
      '--port over PORT',
      { port: 9001 },
      { PORT: '8893' },
      { config: expect.objectContaining({ port: 9001 }) },
    ],
    ['quiet requests by default', {}, {}, { config: expect.objectContaining({ logRequests: false }) }],
    [
      'requests logged on asking',
      {},
      { CHORUS_LOG_REQUESTS: '1' },
      { config: expect.objectContaining({ logRequests: true }) },
    ],
    [
      'one spelling of --allow-private on serve and feeds',
      { allowPrivate: true },
      {},
      { config: expect.objectContaining({ allowPrivateFeeds: true }) },
    ],
    [
      'public host with a token',
      { host: '0.0.0.0', token: 't' },
      {},
      { config: expect.objectContaining({ host: '0.0.0.0', token: 't' }) },
    ],
  ])('%s', (_name, flags, env, expected) => {
    expect(resolveServeOptions(flags, env)).toMatchObject(expected);
  });

  it.each<[string, ServeFlags, RegExp]>([
    [
      'a public host without a token',
      { host: '0.0.0.0' },
      /refusing to listen on 0\.0\.0\.0 without a token/,
    ],
    ['a LAN address without a token', { host: '192.168.1.20' }, /without a token/],
    ['a port out of range', { port: 70000 }, /port from 0 to 65535/],
    ['an unknown log level', { logLevel: 'loud' }, /log level/],
  ])('refuses %s', (_name, flags, message) => {
    expect(() => resolveServeOptions(flags, {})).toThrow(ChorusError);
    expect(() => resolveServeOptions(flags, {})).toThrow(message);
  });

  it('refuses a PORT that is not a port instead of silently using 8080', () => {
    expect(() => resolveServeOptions({}, { PORT: 'eighty' })).toThrow(/in PORT, found "eighty"/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['example.org', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
