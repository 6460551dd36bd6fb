// Turns any error into the one line a user sees and the exit status the shell gets.
import { KsymtrailError } from '../errors.js';

/** Exit status 2 for bad input (the user can fix it), 1 for anything unexpected. */
export function formatError(error: unknown): { line: string; status: number } {
  if (error instanceof KsymtrailError) return { line: `ksymtrail: ${error.message}`, status: 2 };
  const message = error instanceof Error ? error.message : String(error);
  return { line: `ksymtrail: unexpected failure: ${message.split('\n')[0]} (please report this)`, status: 1 };
}
