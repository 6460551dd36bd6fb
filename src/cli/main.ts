// The command line: wires the commands, turns errors into one line and an exit status.
import { Command, CommanderError } from 'commander';
import { registerCheckImports } from './commands/checkImports.js';
import { registerCite } from './commands/cite.js';
import { registerEvents } from './commands/events.js';
import { registerMine } from './commands/mine.js';
import { registerScan } from './commands/scan.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerStart } from './commands/start.js';
import { registerSubsystems } from './commands/subsystems.js';
import { formatError } from './formatError.js';
import { type Output, PROCESS_OUTPUT } from './Output.js';

export function buildProgram(out: Output): Command {
  const program = new Command('ksymtrail')
    .description('the licensing history of the Linux kernel\'s exported symbols')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.stdout(s.trimEnd()), writeErr: (s) => out.stderr(s.trimEnd()) });
  registerStart(program, out);
  registerScan(program, out);
  registerMine(program, out);
  registerEvents(program, out);
  registerShow(program, out);
  registerCite(program, out);
  registerCheckImports(program, out);
  registerSubsystems(program, out);
  registerReport(program, out);
  registerServe(program, out);
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[], out: Output = PROCESS_OUTPUT): Promise<number> {
  let verdict = 0;
  const program = buildProgram({ ...out, setExitStatus: (status) => (verdict = status) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return verdict;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const { line, status } = formatError(error);
    out.stderr(line);
    return status;
  }
}
