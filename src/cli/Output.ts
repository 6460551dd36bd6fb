// Where commands write: the real streams in use, buffers in tests.
export interface Output {
  stdout(line: string): void;
  stderr(line: string): void;
}

export const PROCESS_OUTPUT: Output = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};
