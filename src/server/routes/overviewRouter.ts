// /api/releases and /api/stats: the releases in order with exports by license, and the totals.
import { Router } from 'express';
import { listReleases } from '../../queries/listReleases.js';
import { storeStats } from '../../queries/storeStats.js';
import type { Db } from '../../storage/openStore.js';

export function overviewRouter(db: Db): Router {
  const router = Router();
  router.get('/releases', (_req, res) => {
    res.json({ items: listReleases(db) });
  });
  router.get('/stats', (_req, res) => {
    res.json(storeStats(db));
  });
  return router;
}
