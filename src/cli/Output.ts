// Where commands write: the real streams in use, buffers in tests.
export interface Output {
  stdout(line: string): void;
  stderr(line: string): void;
  /** A command that succeeded but has a verdict to report (check-imports found GPL-only imports) sets it here. */
  setExitStatus?(status: number): void;
}

export const PROCESS_OUTPUT: Output = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};
