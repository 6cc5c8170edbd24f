/**
 * The `chorus` command line. Each command lives in its own file and registers itself here; flags are
 * turned into options once, in that file, and errors are mapped to exit codes once, below.
 */
import { Command, CommanderError } from 'commander';
import { isChorusError } from '../core/errors.js';
import { EXIT_CODES, EXIT_CODES_HELP, HELP_HINT } from './exit-codes.js';
import { registerCommands } from './commands.js';

const program = new Command('chorus')
  .description('Many news articles in, one cited multi-source story out.')
  .version('0.1.0')
  .showHelpAfterError(HELP_HINT)
  .addHelpText('after', `\n${EXIT_CODES_HELP}`)
  .exitOverride();

try {
  await registerCommands(program, process.argv.slice(2));
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_CODES.usage;
  } else if (isChorusError(error)) {
    process.stderr.write(`chorus: ${error.message}\n`);
    process.exitCode = EXIT_CODES[error.code];
  } else {
    process.stderr.write(`chorus: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = EXIT_CODES.internal;
  }
}
