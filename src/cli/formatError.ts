// Turns any error into the one line a user sees and the exit status the shell gets.
import { KsymtrailError } from '../errors.js';
import { storageError } from '../storage/storageError.js';

/** The error in words, without the `ksymtrail: ` of a line of its own (for a line that says more around it). */
export function errorWords(error: unknown): string {
  return formatError(error).line.replace(/^ksymtrail: /, '');
}

/** Exit status 2 for bad input (the user can fix it), 1 for anything unexpected. */
export function formatError(error: unknown): { line: string; status: number } {
  const known = error instanceof KsymtrailError ? error : storageError(error);
  if (known) return { line: `ksymtrail: ${known.message}`, status: 2 };
  const message = error instanceof Error ? error.message : String(error);
  return { line: `ksymtrail: unexpected failure: ${message.split('\n')[0]} (please report this)`, status: 1 };
}
