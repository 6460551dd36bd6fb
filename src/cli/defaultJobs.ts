// How many threads a mine from the command line uses unless told: two where there are two cores.
// On linux-history a mine with a reader thread took 30.9 s at 653 MB peak RSS, against 36.1 s at
// 717 MB with the main thread alone (BENCHMARKS.md); both find the same events.
import { availableParallelism } from 'node:os';

export const DEFAULT_JOBS = Math.min(2, availableParallelism());
