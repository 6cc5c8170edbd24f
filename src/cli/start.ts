/**
 * `chorus start` (what `npm start` runs): `chorus serve` with every default — ./chorus.db (or
 * DATABASE_URL), http://127.0.0.1:8080, and the sample stories loaded on the first run.
 */
import type { Command } from 'commander';
import type { ServeFlags } from '../server/server-config.js';
import { runServer, serverFlags } from './serve.js';

export function register(program: Command): void {
  serverFlags(program.command('start'))
    .description(
      'start Chorus with defaults: the web interface at http://127.0.0.1:8080, samples on first run',
    )
    .action(async (flags: ServeFlags) => runServer(flags));
}
