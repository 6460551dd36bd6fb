// Whether V8's optimizing compiler inlines calls, chosen by the size of the mine. A short mine spends
// much of its time compiling: on the bench's rerun (1,112 commits) the compiler took 1.3-1.6 s of
// CPU on V8's other threads, in a mine of 2.1-2.6 s, on the core git needs. Without inlining it
// compiles about a third less, and that rerun ends about 5 % sooner (5,007 commits: 1-9 % sooner);
// a long mine runs its compiled code long enough to gain from inlining (the whole of linux-history,
// 62,172 commits, took 4-10 % longer without).
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/** Mines of fewer commits than this compile without inlining: above the 5,007 measured to gain. */
export const INLINED_FROM = 10_000;

/** Whether a mine of `commits` commits should compile with inlining. */
export function compilesInlined(commits: number): boolean {
  return commits >= INLINED_FROM;
}

/**
 * Sets inlining for what V8 optimizes from now on, in the whole process. A mine in a thread beside
 * a server (`serve --repo`) leaves the flag as it is: it is the whole process's.
 */
export function tuneCompiler(commits: number, mainThread = isMainThread): void {
  if (mainThread) setFlagsFromString(compilesInlined(commits) ? '--turbo-inlining' : '--no-turbo-inlining');
}
