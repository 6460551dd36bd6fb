// Which mined tip "now" means: the ref mined most recently (a database usually holds one).
import { prepared } from '../storage/prepared.js';
import type { Db } from '../storage/openStore.js';

export interface CurrentTip {
  repo: string;
  ref: string;
  sha: string;
}

export function currentTip(db: Db): CurrentTip | null {
  const row = prepared(db, 'SELECT repo, ref, tip_sha AS sha FROM refs ORDER BY mined_at DESC, rowid DESC LIMIT 1').get();
  return (row as CurrentTip | undefined) ?? null;
}
