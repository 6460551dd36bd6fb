// The miner: mines every commit reachable from a rev that the store does not have yet, segment by
// segment. Each segment is streamed from one `git log` (its changed blobs read as they are named,
// each once), replayed parents-first, and written with its resume point in one transaction.
import { resolve as resolvePath } from 'node:path';
import { CatFileBatch } from '../git/CatFileBatch.js';
import { DiffTreeBatch } from '../git/DiffTreeBatch.js';
import { isAncestor, listTags, shallowBoundary } from '../git/gitQueries.js';
import { type CommitLink, listCommits } from '../git/listCommits.js';
import { requireGitVersion } from '../git/requireGitVersion.js';
import { resolveCommit } from '../git/resolveCommit.js';
import type { CommitRecord } from '../git/streamCommits.js';
import { scanTree } from '../snapshot/scanTree.js';
import { treeFromCommit } from '../snapshot/treeFromCommit.js';
import { EMPTY_STATE, resultOf, type TreeState } from '../snapshot/TreeState.js';
import { stateFromJson, stateToJson } from '../snapshot/stateJson.js';
import { commitsTable } from '../storage/commitsTable.js';
import { miningStateTables } from '../storage/miningStateTables.js';
import { type Finding, knownBlobsTable } from '../storage/knownBlobsTable.js';
import { acquireMiningLock } from '../storage/miningLock.js';
import type { Db } from '../storage/openStore.js';
import { BlobFacts } from './BlobFacts.js';
import { type FactsLoader, factsLoader } from './factsLoaders.js';
import { threadsFor } from './threadsFor.js';
import { CommitGraph } from './CommitGraph.js';
import { MergeDiffs } from './MergeDiffs.js';
import { SourceGrep } from './SourceGrep.js';
import { forgetRewritten } from './forgetRewritten.js';
import { StateKeeper } from './StateKeeper.js';
import { updateReleases } from './updateReleases.js';
import { type SymbolIndex, updateReleaseLicenses } from './updateReleaseLicenses.js';
import { isReleaseTag, isVersionTag } from './releaseTags.js';
import { markSymbolsStale, symbolsUpToDate, updateSymbols } from './updateSymbols.js';
import { readTipFiles, type SubsystemsSummary, updateSubsystems } from './updateSubsystems.js';
import type { SubsystemGroup } from '../subsystems/loadGroups.js';
import { mergeStatesByFile, type Replayed, type ReplayGit, replayCommit } from './replayCommit.js';
import { rebuilder, type StartingPoint } from './rebuildState.js';
import { NewestStates } from './NewestStates.js';
import { type SegmentStream, streamSegment } from './streamSegment.js';
import { writeSegment } from './writeSegment.js';
import { virtualBase } from './virtualBase.js';
import { basePlan } from './basePlan.js';
import { boundHeapGrowth } from './boundHeapGrowth.js';
import { tuneCompiler } from './tuneCompiler.js';

export interface MineOptions {
  repo: string;
  rev?: string;
  db: Db;
  /** Most commits per transaction (the first segments are shorter, see segmentsOf); also bounds how many commit records are held at once. */
  segmentSize?: number;
  /**
   * Threads in all: above 1, blobs are read and scanned on jobs-1 reader threads. `auto`: one
   * reader thread on two cores or more when there are at least AUTO_READER_FROM commits to mine.
   * Default 1.
   */
  jobs?: number | 'auto';
  onProgress?: (progress: MineProgress) => void;
  /** Take over a claim on the database that another (gone) mine left. */
  breakLock?: boolean;
  /** Subsystem groups beside data/subsystems.json (kept in the database for later mines). */
  groups?: SubsystemGroup[];
  /**
   * Stops the mine between two segments: what was written is kept (a rerun continues), and the mine
   * rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

export interface MineProgress {
  done: number;
  total: number;
  events: number;
  elapsedMs: number;
}

export interface MineSummary {
  repo: string;
  ref: string;
  tip: string;
  mined: number;
  events: number;
  elapsedMs: number;
  /** The tip mined before, when it is no longer an ancestor of the new one (history was rewritten). */
  rewrittenFrom: string | null;
  /** How many commits only the rewritten history had were dropped (none when other mined refs still reach them). */
  dropped: number;
  /** In a shallow clone, the mined commits where its history starts (their exports are `present`). */
  shallowFrom: string[];
  /** Set when subsystems were mapped again (the tip, its MAINTAINERS, the groups or the paths changed). */
  subsystems: SubsystemsSummary | null;
  /**
   * Where the time went (streamMs: waiting for each commit and the blobs it changed; finishMs: the
   * steps after the commits: releases, their licenses, symbols, subsystems), how many blobs were read from git and scanned, and how many whole trees were read to
   * start from (none when an earlier mine's stored tip state serves).
   */
  phases: { streamMs: number; replayMs: number; writeMs: number; finishMs: number; blobsRead: number; blobsScanned: number; treesScanned: number };
}

/**
 * Blob facts live for about a segment after they were last asked for, so shorter segments keep a
 * smaller heap; 2,000 against 5,000 on linux-history: peak RSS 520 against 710 MB (`--jobs 1`), and
 * 208,675 blobs read against 217,939 (the read-ahead's wrapper names are closer to the replay's).
 */
const DEFAULT_SEGMENT = 2000;
/** Release and -rc states kept for later mines: a cycle's -rcs and the releases before them. */
const KEPT_RELEASE_STATES = 12;
/** Commits replayed between two looks at what git has sent for the next segment. */
const YIELD_EVERY = 64;

export async function mineHistory(options: MineOptions): Promise<MineSummary> {
  const release = acquireMiningLock(options.db, options.db.name, options.breakLock);
  try {
    return await mineLocked(options);
  } finally {
    release();
  }
}

async function mineLocked(options: MineOptions): Promise<MineSummary> {
  const started = performance.now();
  boundHeapGrowth();
  const repo = resolvePath(options.repo);
  const ref = options.rev ?? 'HEAD';
  // Asked of git together; a git too old is reported before whatever else fails with it.
  const resolving = resolveCommit(repo, ref);
  resolving.catch(() => {});
  await requireGitVersion();
  const tip = await resolving;
  const db = options.db;
  const commits = commitsTable(db);
  const mining = miningStateTables(db);

  const previous = mining.ref(repo, ref);
  // Read before this mine writes anything (its writes mark the table stale until it is updated).
  const upToDate = symbolsUpToDate(db, repo, ref);
  // Whether history was rewritten is asked while the commits to mine are listed: a rewrite is rare,
  // and then they are listed again once what it dropped is forgotten.
  const kept = previous && previous !== tip ? isAncestor(repo, previous, tip) : Promise.resolve(true);
  kept.catch(() => {});
  let rewrittenFrom: string | null = null;
  let dropped = 0;

  let loader: FactsLoader | null = null;
  // Merges' diffs read ahead go through a git of their own (made when there is something to mine):
  // behind them in one queue, the first rebuild's diff waited 0.2 s.
  let aheadDiffer: DiffTreeBatch | null = null;
  let listing: Promise<CommitLink[]> | null = null;
  // The segments being streamed (this one and the next): ended with the mine if it stops or fails.
  const streams = new Set<SegmentStream>();
  const checker = new CatFileBatch(repo, 'check');
  const differ = new DiffTreeBatch(repo);
  const sourceGrep = new SourceGrep(repo, differ);
  try {
    // Asked of git at once: the tags and the shallow boundary do not depend on what is mined. A
    // failure reaches the await below; until then it must not count as unhandled.
    const [tagList, shallowList] = [listTags(repo), shallowBoundary(repo)];
    for (const pending of [tagList, shallowList]) pending.catch(() => {});
    const listTodo = async (): Promise<CommitLink[]> => {
      const present = await Promise.all(mining.frontier().map((sha) => checker.lookup(sha).then((id) => (id ? sha : null))));
      // Commits another repository already brought are not mined again (its frontier may be unknown here).
      return (await listCommits(repo, tip, present.filter((sha): sha is string => sha !== null)))
        .filter((c) => commits.idOf(c.sha) === undefined);
    };
    listing = listTodo();
    listing.catch(() => {});
    if (!(await kept)) {
      await listing.catch(() => {});
      rewrittenFrom = previous!;
      dropped = await forgetRewritten(db, repo, rewrittenFrom, tip, mining.otherRefTips(repo, ref));
      listing = listTodo();
    }
    const todo = await listing;
    if (todo.length > 0) tuneCompiler(todo.length);
    const shallow = await shallowList;
    const phases = { streamMs: 0, replayMs: 0, writeMs: 0, finishMs: 0, blobsRead: 0, blobsScanned: 0, treesScanned: 0 };
    const summary: MineSummary = { repo, ref, tip, mined: todo.length, events: 0, elapsedMs: 0, rewrittenFrom, dropped, phases, subsystems: null,
      shallowFrom: [...shallow].filter((sha) => todo.some((c) => c.sha === sha)) };
    // The symbol index of each release commit replayed here: its licenses need no replay afterwards.
    const releaseIndexes = new Map<string, SymbolIndex>();
    // The states of the newest releases and -rcs replayed here, stored for later mines to rebuild from.
    const versionStates = new NewestStates(KEPT_RELEASE_STATES);
    // The symbols whose rows in the symbols table this mine can change: those of its events and those
    // whose licenses at the tip changed; null for all (history was rewritten and events forgotten).
    const touched: Set<string> | null = rewrittenFrom === null && upToDate ? new Set() : null;
    // The tip's exports and its state (for the next mine to start from), stored together.
    function saveTip(state: TreeState, found: Iterable<readonly [string, ReadonlySet<string>, Finding]> = []): void {
      const json = stateToJson(state);
      const releases = versionStates.all().map(({ sha, time, state }) => ({ sha, time, json: stateToJson(state) }));
      db.transaction(() => {
        markSymbolsStale(db);
        for (const symbol of mining.replaceTipExports(repo, ref, resultOf(state).exports)) touched?.add(symbol);
        mining.setTipState(repo, ref, tip, json);
        mining.keepReleaseStates(releases, KEPT_RELEASE_STATES);
        knownBlobsTable(db).add(found);
      }).immediate();
    }
    // The subsystem mapping at the end reads the tip's MAINTAINERS and file list: git reads them meanwhile.
    const tipFiles = todo.length > 0 ? readTipFiles(repo, tip) : undefined;
    if (todo.length > 0) {
      loader = factsLoader(repo, threadsFor(options.jobs, todo.length));
      const facts = new BlobFacts(loader, knownBlobsTable(db));
      const mergeDiffs = new MergeDiffs((aheadDiffer = new DiffTreeBatch(repo)));
      // git starts on the first segment (no wrapper names known yet) while the graph and plans are made.
      const segments = segmentsOf(todo, options.segmentSize ?? DEFAULT_SEGMENT);
      const stream = (segment: readonly CommitLink[], extraNames: ReadonlySet<string>): SegmentStream => {
        const streamed = streamSegment(repo, segment, facts, mergeDiffs, extraNames);
        streams.add(streamed);
        return streamed;
      };
      let next: SegmentStream | null = stream(segments[0]!, new Set());
      const tags = [...(await tagList)];
      const releaseCommits = new Set(tags.filter(([tag]) => isReleaseTag(tag)).map(([, sha]) => sha));
      const versionCommits = new Set(tags.filter(([tag]) => isVersionTag(tag)).map(([, sha]) => sha));
      // Mined commits are read from the database as walks reach them.
      const graph = new CommitGraph(commits);
      for (const c of todo) graph.add(c.sha, c.parents, c.time);
      const git: ReplayGit = {
        facts,
        lookup: (names) => Promise.all(names.map((name) => checker.lookup(name))),
        diffTrees: (from, to) => differ.diff(from, to),
        firstParentDiff: (record) => mergeDiffs.take(record),
        mergeBaseState: async (merge, parents) => {
          const { bases, reads } = plans.get(merge) ?? basePlan(graph, parents);
          if (bases.length === 0) return shallow.size > 0 ? null : EMPTY_STATE;
          // Every state the fold reads is made ready first (kept for this merge, or rebuilt).
          const ready = new Map<string, TreeState>();
          for (const sha of reads) ready.set(sha, await states.get(sha));
          return virtualBase(bases, { mergeBases: (a, b) => graph.mergeBases(a, b), stateOf: (sha) => ready.get(sha)!, merge: mergeStatesByFile, empty: EMPTY_STATE });
        },
        grepTree: (commit, names) => sourceGrep.paths(commit, names),
      };
      // States of commits not in memory are rebuilt from the closest of the kept state nearest by
      // committer date and the states earlier mines stored (tips, newest releases and -rcs) whose
      // commits this repository has, by the commits that separate them: a resumed mine reads only
      // what changed since instead of the whole tree, and a side branch starts from its -rc.
      const stored = async (): Promise<StartingPoint[]> => {
        const tips = mining.tipStateShas(repo, ref).map((sha) => ({ sha, state: async () => stateFromJson(mining.tipState(sha)!) }));
        const releases = mining.releaseStateShas().map((sha) => ({ sha, state: async () => stateFromJson(mining.releaseState(sha)!) }));
        const points = [...tips, ...releases];
        const present = await Promise.all(points.map((point) => checker.lookup(point.sha)));
        return points.filter((_, i) => present[i]);
      };
      const rebuild = rebuilder(repo, git, {
        near: (sha) => states.nearest(sha, (other) => graph.distance(sha, other)),
        stored,
        distance: (a, b, limit) => graph.separation(a, b, limit),
        onTreeScan: () => phases.treesScanned++,
      });
      // What each merge's replay will read to find its base, so those states are kept until then.
      const plans = new Map(todo.filter((c) => c.parents.length > 1).map((c) => [c.sha, basePlan(graph, c.parents)]));
      const states = new StateKeeper(todo, tip, rebuild, (merge) => plans.get(merge)?.reads ?? []);
      // The next segment is streamed while this one replays, so git inflates blobs on another core.
      let done = 0;
      for (const [s, segment] of segments.entries()) {
        options.signal?.throwIfAborted();
        const current = next!;
        // A blob not asked for while the last segment replayed and this one was read ahead is forgotten.
        facts.nextGeneration();
        const following = segments[s + 1];
        next = following ? stream(following, states.latestExtraNames()) : null;
        const results: { record: CommitRecord; replayed: Replayed }[] = [];
        const streamedBefore = phases.streamMs;
        let clock = performance.now();
        for (const [i, link] of segment.entries()) {
          const asked = performance.now();
          const record = await current.ready(i);
          phases.streamMs += performance.now() - asked;
          const parents = await Promise.all(record.parents.map((p) => states.get(p)));
          const replayed = await replayCommit(record, parents, git);
          // A shallow clone's first commits did not add what they export: history before them is missing.
          if (shallow.has(record.sha)) replayed.events = replayed.events.map((e) => (e.kind === 'added' ? { ...e, kind: 'present' } : e));
          states.done(link, replayed.state);
          if (releaseCommits.has(link.sha)) releaseIndexes.set(link.sha, replayed.state.symbols);
          if (versionCommits.has(link.sha)) versionStates.offer(link.sha, record.committer.time, replayed.state);
          results.push({ record, replayed });
          summary.events += replayed.events.length;
          for (const event of replayed.events) touched?.add(event.symbol);
          if (i % YIELD_EVERY === 0) await new Promise(setImmediate); // let git's output in meanwhile
        }
        streams.delete(current);
        phases.replayMs += performance.now() - clock - (phases.streamMs - streamedBefore);
        clock = performance.now();
        writeSegment(db, results, facts.takeFound());
        phases.writeMs += performance.now() - clock;
        done += segment.length;
        options.onProgress?.({ done, total: todo.length, events: summary.events, elapsedMs: performance.now() - started });
      }
      phases.blobsRead = facts.counts.read;
      phases.blobsScanned = facts.counts.scanned;
      const tipState = await states.get(tip);
      saveTip(tipState, facts.takeFound());
    } else if (previous !== tip || !mining.hasTipExports(repo, ref)) {
      // Nothing to mine, but this ref's tip exports are missing or old (a kill after the last segment).
      saveTip((await scanTree(treeFromCommit(repo, tip))).state);
    }
    const finishing = performance.now();
    updateReleases(db, await tagList);
    updateReleaseLicenses(db, releaseIndexes);
    db.transaction(() => mining.setRef(repo, ref, tip)).immediate();
    updateSymbols(db, touched && { repo, ref, touched });
    const userGroups = options.groups ?? storedGroups(db);
    if (options.groups) db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('user_groups', ?)").run(JSON.stringify(options.groups));
    summary.subsystems = await updateSubsystems(db, repo, tip, userGroups, tipFiles);
    summary.phases.finishMs = performance.now() - finishing;
    summary.elapsedMs = performance.now() - started;
    return summary;
  } finally {
    // A listing still under way (the rewrite check failed first) must not outlive the mine's gits and lock.
    await listing?.catch(() => {});
    for (const streamed of streams) streamed.close();
    await Promise.allSettled([loader?.close(), checker.close(), differ.close(), aheadDiffer?.close(), sourceGrep.close()]);
  }
}

/**
 * The todo list cut into segments of `size` commits, the first ones smaller (a quarter of the next):
 * nothing replays while the first segment is streamed, so it should be short. Its first commit is
 * often a whole tree imported at once.
 */
export function segmentsOf<T>(todo: readonly T[], size: number): T[][] {
  const segments: T[][] = [];
  for (let start = 0, next = Math.max(1, Math.ceil(size / 64)); start < todo.length; next = Math.min(size, next * 4)) {
    segments.push(todo.slice(start, start + next));
    start += next;
  }
  return segments;
}

/** The groups a user gave an earlier mine of this database. */
function storedGroups(db: Db): SubsystemGroup[] {
  const text = db.prepare("SELECT value FROM meta WHERE key = 'user_groups'").pluck().get() as string | undefined;
  return text === undefined ? [] : (JSON.parse(text) as SubsystemGroup[]);
}
