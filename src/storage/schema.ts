// The database schema as an ordered list of migrations; the schema version is the list's length.

/** `PRAGMA application_id`: marks a file as ours ('ksym'), so another SQLite file is refused. */
export const APPLICATION_ID = 0x6b73796d;

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

  -- Every mined commit. ids follow the mining order, which is topological: parents first.
  CREATE TABLE commits (
    id INTEGER PRIMARY KEY,
    sha TEXT NOT NULL UNIQUE,
    parent_shas TEXT NOT NULL,          -- space-separated, first parent first; '' for a root
    author_name TEXT NOT NULL, author_email TEXT NOT NULL, author_time INTEGER NOT NULL, author_tz TEXT NOT NULL,
    committer_name TEXT NOT NULL, committer_email TEXT NOT NULL, committer_time INTEGER NOT NULL, committer_tz TEXT NOT NULL,
    subject TEXT NOT NULL,
    trailers TEXT NOT NULL,             -- JSON [[key, value], ...] in message order
    release TEXT                        -- the first release tag that contains the commit
  ) STRICT;

  -- What one commit did to one symbol's exports in one file.
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    commit_id INTEGER NOT NULL REFERENCES commits(id),
    symbol TEXT NOT NULL,
    path TEXT NOT NULL,
    from_path TEXT,                     -- for 'moved': where the export was before
    kind TEXT NOT NULL,
    merge TEXT,                         -- null, 'evil' or 'resolution'
    before_macro TEXT, after_macro TEXT,
    before_license TEXT, after_license TEXT,
    before_namespace TEXT, after_namespace TEXT,
    line INTEGER
  ) STRICT;
  CREATE INDEX events_by_symbol ON events(symbol, commit_id);
  CREATE INDEX events_by_commit ON events(commit_id);

  -- A symbol's license over the whole tree after each commit that touched it.
  CREATE TABLE symbol_states (
    commit_id INTEGER NOT NULL REFERENCES commits(id),
    symbol TEXT NOT NULL,
    license TEXT NOT NULL,              -- any, gpl, mixed, none
    switch TEXT,                        -- tightened or loosened when this commit switched it
    PRIMARY KEY (commit_id, symbol)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX symbol_states_by_symbol ON symbol_states(symbol, commit_id);

  -- The mined commits none of whose children are mined: a rerun mines 'REV --not <frontier>'.
  CREATE TABLE frontier (commit_id INTEGER PRIMARY KEY REFERENCES commits(id)) STRICT;

  -- Mining state per ref of each repository.
  CREATE TABLE refs (
    repo TEXT NOT NULL, ref TEXT NOT NULL, tip_sha TEXT NOT NULL, mined_at INTEGER NOT NULL,
    PRIMARY KEY (repo, ref)
  ) STRICT;

  CREATE TABLE releases (tag TEXT PRIMARY KEY, sha TEXT NOT NULL, ordinal INTEGER NOT NULL) STRICT;

  -- The exports at the tip of each mined ref.
  CREATE TABLE tip_exports (
    repo TEXT NOT NULL, ref TEXT NOT NULL,
    symbol TEXT NOT NULL, exported TEXT NOT NULL, path TEXT NOT NULL, line INTEGER NOT NULL,
    macro TEXT NOT NULL, base_macro TEXT NOT NULL, license TEXT NOT NULL, namespace TEXT, marks TEXT NOT NULL
  ) STRICT;
  CREATE INDEX tip_exports_by_symbol ON tip_exports(symbol);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
