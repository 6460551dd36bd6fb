// Builds real git histories: named commits with chosen authors, dates and time zones, raw (even
// Latin-1) bytes, tags, branches, merges (clean, evil, resolutions) and renames. Tests and the demo use it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Person {
  /** A Buffer writes raw bytes into the commit, as 2002-era Latin-1 names were. */
  name: string | Buffer;
  email: string;
}

export interface CommitSpec {
  /** Path → new content; `null` deletes the file. */
  files?: Record<string, string | Buffer | null>;
  /** Old path → new path, applied before `files`. */
  renames?: Record<string, string>;
  author?: Person;
  committer?: Person;
  /** `2003-01-02 10:00:00 +0100`: the author date, and the committer date unless given. */
  date: string;
  committerDate?: string;
  /** The whole message; the commit's name when not given. */
  message?: string | Buffer;
}

export const PEOPLE = {
  linus: { name: 'Linus Torvalds', email: 'torvalds@osdl.org' },
  andrew: { name: 'Andrew Morton', email: 'akpm@osdl.org' },
  greg: { name: 'Greg Kroah-Hartman', email: 'greg@kroah.com' },
  alex: { name: 'Alex Williamson', email: 'alex.williamson@redhat.com' },
} as const satisfies Record<string, Person>;

/** The environment tests run git in: fixed time zone and locale, a private HOME, no system config. */
export function testGitEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, TZ: 'UTC', LC_ALL: 'C', HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
}

export class RepoBuilder {
  private readonly ids = new Map<string, string>();
  private branchName = 'master';

  private constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
    /** The temporary folder this builder made, which cleanup() removes; null for a chosen place. */
    private readonly temporary: string | null,
  ) {}

  /** A new repository in a fresh temporary folder, or at `at` (which must not exist yet). */
  static create(at?: string): RepoBuilder {
    if (at) mkdirSync(dirname(at), { recursive: true });
    const temporary = at ? null : mkdtempSync(join(tmpdir(), 'ksymtrail-repo-'));
    const dir = at ?? join(temporary!, 'linux');
    const builder = new RepoBuilder(dir, testGitEnv(temporary ?? tmpdir()), temporary);
    mkdirSync(builder.dir);
    builder.git(['init', '-q', '-b', 'master']);
    builder.git(['config', 'user.name', 'ksymtrail']);
    builder.git(['config', 'user.email', 'ksymtrail@localhost']);
    return builder;
  }

  /** Runs git in the work tree and returns its trimmed stdout. */
  git(args: string[], input?: Buffer | string): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env, input, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8').trim();
  }

  /** The id of a named commit. */
  id(name: string): string {
    const id = this.ids.get(name);
    if (!id) throw new Error(`no commit named ${name}`);
    return id;
  }

  /** Commits the given changes on the current branch. */
  commit(name: string, spec: CommitSpec): string {
    this.apply(spec);
    const parent = this.tip();
    return this.record(name, spec, parent ? [parent] : []);
  }

  /**
   * Merges `other` into the current branch as git would, then applies `spec.files` on top: leave
   * them out for a clean merge, give them for an evil merge or a resolution.
   */
  merge(name: string, other: string, spec: CommitSpec): string {
    const ours = this.tip()!;
    const theirs = this.ids.get(other) ?? this.git(['rev-parse', other]);
    let tree: string;
    try {
      tree = this.git(['merge-tree', '--write-tree', ours, theirs]).split('\n')[0]!;
    } catch (error) {
      // Exit status 1 is a conflict: the first line is still the tree, with markers in the files.
      tree = String((error as { stdout?: Buffer }).stdout ?? '').split('\n')[0]!.trim();
    }
    this.git(['read-tree', '-u', '--reset', tree]);
    this.apply(spec);
    return this.record(name, spec, [ours, theirs]);
  }

  /** Creates `branch` at a named commit (or the current tip) and switches to it. */
  branch(branch: string, at?: string): void {
    this.git(['branch', branch, at ? this.id(at) : 'HEAD']);
    this.switch(branch);
  }

  switch(branch: string): void {
    this.git(['checkout', '-q', '-f', branch]);
    this.git(['clean', '-q', '-f', '-d']);
    this.branchName = branch;
  }

  /** A lightweight tag on a named commit. */
  tag(tag: string, at: string): void {
    this.git(['tag', tag, this.id(at)]);
  }

  cleanup(): void {
    if (this.temporary) rmSync(this.temporary, { recursive: true, force: true });
  }

  private tip(): string | null {
    try {
      return this.git(['rev-parse', '--verify', '-q', `refs/heads/${this.branchName}`]);
    } catch {
      return null;
    }
  }

  private apply(spec: CommitSpec): void {
    for (const [from, to] of Object.entries(spec.renames ?? {})) {
      mkdirSync(dirname(join(this.dir, to)), { recursive: true });
      this.git(['mv', from, to]);
    }
    for (const [path, content] of Object.entries(spec.files ?? {})) {
      const full = join(this.dir, path);
      if (content === null) {
        rmSync(full, { force: true });
      } else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    this.git(['add', '-A']);
  }

  /** Writes the commit object byte by byte, so names and messages keep exactly the bytes given. */
  private record(name: string, spec: CommitSpec, parents: string[]): string {
    const tree = this.git(['write-tree']);
    const author = spec.author ?? PEOPLE.linus;
    const committer = spec.committer ?? author;
    const line = (role: string, person: Person, date: string): Buffer =>
      Buffer.concat([Buffer.from(`${role} `), Buffer.from(person.name), Buffer.from(` <${person.email}> ${gitDate(date)}\n`)]);
    const message = spec.message ?? name;
    const object = Buffer.concat([
      Buffer.from(`tree ${tree}\n${parents.map((p) => `parent ${p}\n`).join('')}`),
      line('author', author, spec.date),
      line('committer', committer, spec.committerDate ?? spec.date),
      Buffer.from('\n'),
      Buffer.from(message),
      Buffer.from(String(message).endsWith('\n') ? '' : '\n'),
    ]);
    const id = this.git(['hash-object', '-t', 'commit', '-w', '--stdin', '--literally'], object);
    this.git(['update-ref', `refs/heads/${this.branchName}`, id]);
    this.git(['reset', '-q', '--hard', id]);
    this.ids.set(name, id);
    return id;
  }
}

/** `2003-01-02 10:00:00 +0100` → `1041498000 +0100`, git's own date format. */
export function gitDate(date: string): string {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-])(\d\d)(\d\d)$/.exec(date);
  if (!m) throw new Error(`date ${date} is not "YYYY-MM-DD HH:MM:SS +HHMM"`);
  const offsetMinutes = (m[3] === '-' ? -1 : 1) * (Number(m[4]) * 60 + Number(m[5]));
  const seconds = Date.parse(`${m[1]}T${m[2]}Z`) / 1000 - offsetMinutes * 60;
  return `${seconds} ${m[3]}${m[4]}${m[5]}`;
}
