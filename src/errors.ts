// The coded errors: every failure a user can cause has a stable `code` and structured `data`;
// the CLI puts them into one line (src/cli/formatError.ts), nothing below it prints.
import ms from 'ms';

/** Base of every error ksymtrail raises on purpose. `code` is stable; `data` names the inputs. */
export class KsymtrailError<Data extends object = Record<string, unknown>> extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly data: Data,
  ) {
    super(message);
    this.name = code;
  }
}

export class NotARepository extends KsymtrailError<{ path: string }> {
  constructor(path: string) {
    super('NotARepository', `${path} is not a git repository; give the path of a kernel checkout or bare clone`, { path });
  }
}

export class NotADirectory extends KsymtrailError<{ path: string }> {
  constructor(path: string) {
    super('NotADirectory', `${path} does not exist or is not a directory`, { path });
  }
}

/** The git on PATH lacks what mining needs (`git log --diff-merges=combined` came with 2.31). */
export class GitTooOld extends KsymtrailError<{ found: string; needed: string }> {
  constructor(found: string, needed: string) {
    super('GitTooOld', `git ${found} is too old to mine with: ksymtrail needs git ${needed} or newer on PATH`, { found, needed });
  }
}

export class NoCommits extends KsymtrailError<{ path: string }> {
  constructor(path: string) {
    super('NoCommits', `${path} is a git repository with no commits yet; give a repository with history (a kernel clone)`, { path });
  }
}

export class UnknownRev extends KsymtrailError<{ rev: string; repo: string; nearest: string[] }> {
  constructor(rev: string, repo: string, nearest: string[]) {
    const hint = nearest.length > 0 ? `; nearest names: ${nearest.join(', ')}` : '';
    super('UnknownRev', `${rev} is not a commit or tag in ${repo}${hint}`, { rev, repo, nearest });
  }
}

export class GitFailed extends KsymtrailError<{ args: string[]; status: number | null; stderr: string }> {
  constructor(args: string[], status: number | null, stderr: string) {
    const first = stderr.trim().split('\n')[0] ?? '';
    super('GitFailed', `git ${args.slice(0, 3).join(' ')} failed (exit ${status}): ${first}`, { args, status, stderr });
  }
}

/** A `git fetch` of a follower (`mine --follow --fetch`) that outlasted its time and was ended. */
export class FetchTimedOut extends KsymtrailError<{ remote: string; timeoutMs: number }> {
  constructor(remote: string, timeoutMs: number) {
    super('FetchTimedOut', `git fetch of ${remote} took more than ${ms(timeoutMs, { long: true })} and was stopped`, { remote, timeoutMs });
  }
}

export class BadInput extends KsymtrailError<{ what: string; value: string }> {
  constructor(what: string, value: string, advice: string) {
    super('BadInput', `${what} ${JSON.stringify(value)}: ${advice}`, { what, value });
  }
}

/** A `--groups` file (or data/subsystems.json) that is not valid JSON or has a field of the wrong shape. */
export class BadGroupsFile extends KsymtrailError<{ source: string; field: string; problem: string }> {
  constructor(source: string, field: string, problem: string) {
    super('BadGroupsFile', `groups file ${source}: ${field ? `${field}: ` : ''}${problem} (data/subsystems.json shows the format)`, { source, field, problem });
  }
}

export class DbFromNewerVersion extends KsymtrailError<{ path: string; found: number; supported: number }> {
  constructor(path: string, found: number, supported: number) {
    super('DbFromNewerVersion', `${path} was written by a newer ksymtrail (schema ${found}, this one reads up to ${supported}); upgrade ksymtrail`, { path, found, supported });
  }
}

/** A reader (the server, show, report) given a database an older ksymtrail wrote: it will not migrate it. */
export class DbFromOlderVersion extends KsymtrailError<{ path: string; found: number; supported: number }> {
  constructor(path: string, found: number, supported: number) {
    super('DbFromOlderVersion', `${path} was written by an older ksymtrail (schema ${found}, this one reads ${supported}); run ksymtrail mine on it once to upgrade it`, { path, found, supported });
  }
}

/** Another `mine` (a live process) is writing this database. */
export class MineInProgress extends KsymtrailError<{ path: string; pid: number; host: string }> {
  constructor(path: string, pid: number, host: string) {
    super('MineInProgress', `${path} is being mined by process ${pid} on ${host}; wait for it to finish (a rerun then continues where it stopped), or if no such mine is running, rerun with --break-lock`, { path, pid, host });
  }
}

/** A reader given a database path where there is nothing yet. */
export class NoDatabase extends KsymtrailError<{ path: string }> {
  constructor(path: string) {
    super('NoDatabase', `${path} does not exist; mine a repository into it first (ksymtrail mine REPO --db ${path}) or give another --db`, { path });
  }
}

export class NotADatabase extends KsymtrailError<{ path: string }> {
  constructor(path: string) {
    super('NotADatabase', `${path} is not a ksymtrail database; give another --db path (the file was not modified)`, { path });
  }
}

export class DatabaseBusy extends KsymtrailError<{ path: string; pid: number }> {
  constructor(path: string, pid: number) {
    super('DatabaseBusy', `${path} is being mined by another ksymtrail (pid ${pid}); wait for it to finish`, { path, pid });
  }
}

/** A symbol, subsystem or release the record does not know (the server's 404). */
export class NotFound extends KsymtrailError<{ what: string; name: string; nearest: string[] }> {
  constructor(what: string, name: string, nearest: string[] = []) {
    const hint = nearest.length > 0 ? `; nearest: ${nearest.join(', ')}` : '';
    super('NotFound', `no ${what} ${JSON.stringify(name)} in the record${hint}`, { what, name, nearest });
  }
}
