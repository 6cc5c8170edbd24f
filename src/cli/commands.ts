/**
 * The list of commands. Each file exports `register(program)`.
 *
 * Files are imported only when needed: a run names one command, and loading all twelve (the server,
 * storage drivers, the web pages, the feed reader) cost about a second of CPU at every start, a tenth
 * of `chorus cluster` on a whole Multi-News stream (docs/clustering.md, sixth round). Help, version
 * and unknown names load them all, so `chorus --help` still lists every command.
 */
import type { Command } from 'commander';

type Loader = () => Promise<{ register: (program: Command) => void }>;

/** Command name → its file, in the order help lists them. */
const COMMANDS: readonly (readonly [string, Loader])[] = [
  ['summarize', () => import('./summarize.js')],
  ['cluster', () => import('./cluster.js')],
  ['entities', () => import('./entities.js')],
  ['eval', () => import('./eval.js')],
  ['extract', () => import('./extract.js')],
  ['feeds', () => import('./feeds.js')],
  ['ingest', () => import('./ingest.js')],
  ['quotes', () => import('./quotes.js')],
  ['pairs', () => import('./pairs.js')],
  ['serve', () => import('./serve.js')],
  ['start', () => import('./start.js')],
  ['worker', () => import('./worker.js')],
];

/**
 * Registers the command `args` names (the arguments after `node main.ts`), or every command when the
 * first argument names none of them (`--help`, `help cluster`, a typo that commander then reports).
 */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const named = COMMANDS.find(([name]) => name === args[0]);
  const chosen = named ? [named] : COMMANDS;
  const modules = await Promise.all(chosen.map(([, load]) => load()));
  for (const m of modules) m.register(program);
}
