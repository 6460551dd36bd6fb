// Runs the CLI in-process and collects its output lines and exit status.
import { main } from '../../src/cli/main.js';

export interface Run {
  status: number;
  stdout: string[];
  stderr: string[];
}

export async function runCli(...argv: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await main(argv, { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  const lines = (parts: string[]): string[] => parts.join('\n').split('\n').filter((l) => l !== '');
  return { status, stdout: lines(stdout), stderr: lines(stderr) };
}
