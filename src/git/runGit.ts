// The one runner for git subprocesses whose output is streamed; every exit status is checked.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitFailed } from '../errors.js';

/** Environment for git children: no pager, no prompts, untranslated messages we can read. */
export const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };

/**
 * Starts `git -C repo ...args`; the caller streams stdout and must await `finished`. `detached`: in a
 * process group of its own, which `process.kill(-child.pid)` ends with everything git started (a
 * fetch's ssh or upload-pack).
 */
export function spawnGit(repo: string, args: string[], okStatuses: readonly number[] = [0], detached = false): {
  child: ChildProcessWithoutNullStreams;
  finished: Promise<number>;
} {
  const child = spawn('git', ['-C', repo, ...args], { env: GIT_ENV, detached });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  const finished = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== null && okStatuses.includes(status)) resolve(status);
      else reject(new GitFailed(args, status, stderr));
    });
  });
  return { child, finished };
}

/** Runs git and returns its whole stdout as text (for short answers: it is held in memory). */
export async function gitText(repo: string, args: string[], okStatuses: readonly number[] = [0], encoding: BufferEncoding = 'utf8'): Promise<string> {
  const { child, finished } = spawnGit(repo, args, okStatuses);
  let text = '';
  child.stdout.setEncoding(encoding).on('data', (chunk: string) => (text += chunk));
  await finished;
  return text;
}

/** Runs git and yields each NUL-terminated record of its stdout as raw bytes. */
export async function* gitRecords(repo: string, args: string[], okStatuses: readonly number[] = [0]): AsyncGenerator<Buffer> {
  const { child, finished } = spawnGit(repo, args, okStatuses);
  let pending: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let start = 0;
      for (let end = pending.indexOf(0, start); end >= 0; end = pending.indexOf(0, start)) {
        yield pending.subarray(start, end);
        start = end + 1;
      }
      pending = pending.subarray(start);
    }
  } finally {
    // A consumer that stops early (its own error, or enough read) is not answered with git's failure
    // (the kill, or an earlier exit): left unhandled, it would end the process instead of the
    // consumer's error. A stream read to its end still awaits it below.
    finished.catch(() => {});
    if (child.exitCode === null) child.kill();
  }
  await finished;
  if (pending.length > 0) yield pending;
}
