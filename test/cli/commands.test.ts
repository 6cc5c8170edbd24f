import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/cli/commands.js';

describe('command registration', () => {
  it.each([
    ['a named command alone', ['cluster', 'a.jsonl'], ['cluster']],
    ['every command for help', ['--help'], 'all'],
    ['every command for an unknown name', ['clutser'], 'all'],
    ['every command for no arguments', [], 'all'],
  ] as const)('registers %s', async (_name, args, expected) => {
    const program = new Command('chorus');
    await registerCommands(program, args);
    const names = program.commands.map((c) => c.name());
    if (expected === 'all') expect(names).toHaveLength(12);
    else expect(names).toEqual(expected);
  });
});
