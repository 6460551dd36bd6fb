// Which files of a commit's tree, or of a directory, hold some needles: `git grep -l` (threaded, in
// C). The needles are C identifiers, which a backslash-newline can split (`EXP\<newline>ORT_SYMBOL`);
// a line grep cannot see that, so a second grep lists the files where a line ends in an identifier
// byte and a backslash, for the caller to look at (75 of the 14,995 source files at linux-history's tip).
import { GitFailed } from '../errors.js';
import { gitRecords } from './runGit.js';

/** A line that ends in an ASCII identifier byte and a splice (needles are ASCII identifiers). */
const SPLIT_PCRE = '[A-Za-z0-9_$]\\\\\\r?$';
const SPLIT_ERE = '[A-Za-z0-9_$]\\\\\r?$';
/** Whether this git can grep with PCRE (much faster than its POSIX regex here); learned on first use. */
let pcre = true;

/** Files whose bytes contain one of the needles as it is. `target` is a commit, or null for the directory `cwd` as plain files. */
export function grepHolding(cwd: string, needles: readonly string[], target: string | null): Promise<string[]> {
  if (needles.length === 0) return Promise.resolve([]);
  return grepFor(cwd, ['-F', ...needles.flatMap((needle) => ['-e', needle])], target);
}

/**
 * Files where a line ends in an identifier byte and a backslash: a splice may split a name in them,
 * so they hold a needle if their joined bytes do (`holdsNeedle`). The same for any needles.
 */
export async function grepSplits(cwd: string, target: string | null): Promise<string[]> {
  if (pcre) {
    try {
      return await grepSplitsWith('pcre', cwd, target);
    } catch (error) {
      // Built without PCRE: git says so and exits 128.
      if (!(error instanceof GitFailed && error.data.status === 128 && /perl|pcre/i.test(error.data.stderr))) throw error;
      pcre = false;
    }
  }
  return grepSplitsWith('ere', cwd, target);
}

/** The files where a line ends in an identifier byte and a splice, found with one regex engine. */
export function grepSplitsWith(engine: 'pcre' | 'ere', cwd: string, target: string | null): Promise<string[]> {
  return grepFor(cwd, engine === 'pcre' ? ['-P', '-e', SPLIT_PCRE] : ['-E', '-e', SPLIT_ERE], target);
}

async function grepFor(cwd: string, patterns: string[], target: string | null): Promise<string[]> {
  const paths: string[] = [];
  // Exit status 1 means "no match", which is an answer, not a failure.
  const args = target === null ? ['grep', '--no-index', '-l', '-z', ...patterns, '--', '.'] : ['grep', '-l', '-z', ...patterns, target, '--'];
  for await (const record of gitRecords(cwd, args, [0, 1])) {
    const name = record.toString('utf8');
    // Each name comes as `<commit>:<path>`, or as `./<path>` without an index.
    paths.push(target === null ? name.replace(/^\.\//, '') : name.slice(target.length + 1));
  }
  return paths;
}

/** The files to look at: those holding a needle, and apart those that only may (`splitOnly`), in path order. */
export function candidates(holding: readonly string[], maySplit: readonly string[]): { paths: string[]; splitOnly: ReadonlySet<string> } {
  const held = new Set(holding);
  const splitOnly = new Set(maySplit.filter((path) => !held.has(path)));
  return { paths: [...holding, ...splitOnly].sort(), splitOnly };
}
