/** The list of commands. Each file exports `register(program)`. */
import type { Command } from 'commander';

export function registerCommands(_program: Command): void {}
