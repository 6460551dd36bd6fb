// One mine, measured from inside its own process: prints a JSON line with its summary, its phases
// and the process's peak resident memory. Run by scripts/bench.ts.
import { mineHistory } from '../src/mining/mineHistory.js';
import { openStore } from '../src/storage/openStore.js';

const [repo, rev, dbPath, jobs] = process.argv.slice(2);
const db = openStore(dbPath!);
const summary = await mineHistory({ repo: repo!, rev, db, jobs: jobs === undefined || jobs === 'auto' ? 'auto' : Number(jobs) });
db.close();
console.log(JSON.stringify({ ...summary, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
