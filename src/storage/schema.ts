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
  `
  -- Each release's exports, counted by symbol over the whole tree (a symbol exported under both
  -- licenses in different files counts as mixed).
  ALTER TABLE releases ADD COLUMN symbols_any INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE releases ADD COLUMN symbols_gpl INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE releases ADD COLUMN symbols_mixed INTEGER NOT NULL DEFAULT 0;

  -- A symbol's license over the whole tree at each release where it differs from the release
  -- before ('none' once it is no longer exported): the license at any release is the latest row.
  CREATE TABLE release_licenses (
    ordinal INTEGER NOT NULL, symbol TEXT NOT NULL, license TEXT NOT NULL,
    PRIMARY KEY (symbol, ordinal)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX release_licenses_by_release ON release_licenses(ordinal);

  -- Subsystems: the MAINTAINERS entries of the mined tip and the named groups.
  CREATE TABLE subsystems (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,                 -- maintainers or group
    status TEXT,
    details TEXT NOT NULL               -- JSON: maintainers, reviewers, lists, trees
  ) STRICT;

  -- Which subsystems each path of an event or a tip export belongs to, and why.
  CREATE TABLE path_subsystems (
    path TEXT NOT NULL,
    subsystem_id INTEGER NOT NULL REFERENCES subsystems(id),
    most_specific INTEGER NOT NULL,     -- 1 for the entry get_maintainer.pl ranks first
    reason TEXT NOT NULL,               -- the pattern that matched, or the parent directory it fell back to
    PRIMARY KEY (path, subsystem_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX path_subsystems_by_subsystem ON path_subsystems(subsystem_id, path);

  -- Every symbol the record knows, with what lookups and searches show without a scan of events.
  -- A rerun updates only rows it touched while meta 'symbols_basis' names its ref: a migration that
  -- empties this table or the events must delete that key (updateSymbols.ts).
  CREATE TABLE symbols (
    symbol TEXT PRIMARY KEY,
    license TEXT NOT NULL,              -- over the whole tree at the current tip: any, gpl, mixed, none
    events INTEGER NOT NULL,
    last_change INTEGER                 -- committer time of its latest tightening or loosening
  ) STRICT, WITHOUT ROWID;

  -- The subsystems of the files a symbol is exported from now or was in any event.
  CREATE TABLE symbol_subsystems (
    subsystem_id INTEGER NOT NULL REFERENCES subsystems(id),
    symbol TEXT NOT NULL,
    PRIMARY KEY (subsystem_id, symbol)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX symbol_subsystems_by_symbol ON symbol_subsystems(symbol);
  `,
  `
  -- The export state of each mined ref's tip: its exporting files with their scanned facts and its
  -- kbuild namespaces, as JSON, so the next mine starts from it instead of reading the whole tree.
  CREATE TABLE tip_states (
    repo TEXT NOT NULL, ref TEXT NOT NULL, sha TEXT NOT NULL, state TEXT NOT NULL,
    PRIMARY KEY (repo, ref)
  ) STRICT;
  `,
  `
  -- States of the newest release and -rc commits mines replayed (tip_states' JSON, deflated). Side
  -- branches fork from an -rc, so the next mine rebuilds such an old commit's state from the release
  -- nearest it instead of from a tip months of changes away.
  CREATE TABLE release_states (sha TEXT PRIMARY KEY, time INTEGER NOT NULL, state BLOB NOT NULL) STRICT;
  `,
  `
  -- Source blobs a mine read whose bytes hold neither EXPORT nor any of a set of wrapper names (the
  -- names without EXPORT the mine knew then): a later mine that rebuilds an old commit's state knows
  -- them without reading them again. A blob's bytes never change, so neither does this.
  CREATE TABLE wrapper_name_sets (id INTEGER PRIMARY KEY, names TEXT NOT NULL UNIQUE) STRICT;
  CREATE TABLE plain_blobs (
    blob BLOB PRIMARY KEY,              -- the blob id's bytes
    names INTEGER NOT NULL REFERENCES wrapper_name_sets(id)
  ) STRICT, WITHOUT ROWID;
  `,
  `
  -- Source blobs a mine read and what their bytes told under a set of wrapper names: plain (neither
  -- EXPORT nor any of the names), or exporting (EXPORT and none of the names), with the facts
  -- scanned in blob_facts (factsCodec). A blob's bytes never change,
  -- so neither does what it is. The facts are in a rowid table: a WITHOUT ROWID row of a few KB
  -- spills to overflow pages of its own. A later mine that rebuilds an old commit's state reads
  -- them from here instead of from git. A change to what the scanner finds must come with a
  -- migration that empties both tables (and the stored states, which hold facts too).
  CREATE TABLE known_blobs (
    blob BLOB PRIMARY KEY,              -- the blob id's bytes
    names INTEGER NOT NULL REFERENCES wrapper_name_sets(id),
    exporting INTEGER NOT NULL          -- 1: its facts are in blob_facts
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE blob_facts (blob BLOB PRIMARY KEY, facts TEXT NOT NULL) STRICT;
  INSERT INTO known_blobs (blob, names, exporting) SELECT blob, names, 0 FROM plain_blobs;
  DROP TABLE plain_blobs;
  `,
  `
  -- Mines before this one skipped every blob whose bytes did not spell EXPORT or a wrapper's name,
  -- so they missed an export whose name a backslash-newline splits (\`EXP\\<newline>ORT_SYMBOL(x);\`).
  -- Events, states and the record may all lack such exports: everything mined is emptied and the
  -- next mine mines the history again. Of meta, the mining lock and the user's groups are kept; the
  -- bases of the release licenses and subsystems go, or those would not be made again.
  DELETE FROM meta WHERE key IN ('release_licenses_basis', 'subsystems_basis');
  DELETE FROM events;
  DELETE FROM symbol_states;
  DELETE FROM frontier;
  DELETE FROM refs;
  DELETE FROM tip_exports;
  DELETE FROM release_licenses;
  DELETE FROM releases;
  DELETE FROM path_subsystems;
  DELETE FROM symbol_subsystems;
  DELETE FROM subsystems;
  DELETE FROM symbols;
  DELETE FROM tip_states;
  DELETE FROM release_states;
  DELETE FROM known_blobs;
  DELETE FROM blob_facts;
  DELETE FROM wrapper_name_sets;
  DELETE FROM commits;
  `,
  `
  -- Every path of the record (updateSubsystems asks after each mine) read from indexes instead of
  -- the whole events table: 17 ms instead of 57 on linux-history at the start of a rerun.
  CREATE INDEX events_by_path ON events(path);
  CREATE INDEX events_by_from_path ON events(from_path) WHERE from_path IS NOT NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * What a user must be told when a migration changes what their database holds, by the version it
 * leads to: said when a database that held mined commits is upgraded.
 */
export const MIGRATION_NOTICES: ReadonlyMap<number, string> = new Map([
  [7, 'this database was mined by an older ksymtrail, which missed exports whose macro name a backslash-newline splits; '
    + 'what it mined was emptied (your subsystem groups are kept), and the next mine of each repository it held mines its whole history again'],
]);
