// How many threads a mine uses: as many as asked, or with `auto`, a reader thread only where one pays.
import { availableParallelism } from 'node:os';

/**
 * `auto` starts a reader thread (on two cores or more) only for a mine of at least this many commits.
 * On linux-history a reader thread made the whole mine (62,172 commits) 31–35 s against 35–37 s and
 * the first 12,651 commits 9.6–9.9 s against 10.4 s, but reruns on an older mine no faster: 15,033
 * new commits 11.4–12.3 s against 11.4–11.8 s, 5,007 5.9 s against 5.3–6.4 s, and 1,112 3.7–3.9 s
 * against 3.4–3.5 s (its start and its round trips cost more than it saves there). Reruns are the
 * common short mine, so the line is drawn above them; a first mine that short loses about 6 %.
 */
export const AUTO_READER_FROM = 20_000;

/** Threads in all for a mine of `commits` commits; `cores` is the machine's. */
export function threadsFor(jobs: number | 'auto' | undefined, commits: number, cores = availableParallelism()): number {
  if (jobs === undefined) return 1;
  if (jobs !== 'auto') return jobs;
  return commits >= AUTO_READER_FROM ? Math.min(2, cores) : 1;
}
