// How far V8 lets a mine's heap grow between full collections. Left to itself, V8 grows the old
// generation up to four times what the last full collection kept when collections are cheap: a
// `--jobs 1` mine of linux-history kept about 180 MB and grew to 750 MB (peak RSS 1 GB), and a
// history the size of mainline keeps more. Twice what was kept bounds memory by the live heap.
import { setFlagsFromString } from 'node:v8';

/** Sets the growth for the whole process; V8 reads it at each full collection. */
export function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=100');
}
