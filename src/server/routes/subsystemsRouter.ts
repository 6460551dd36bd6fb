// /api/subsystems: the list with counts and GPL-only share; one subsystem with its symbols and events.
import { Router } from 'express';
import { NotFound } from '../../errors.js';
import { listSubsystems, subsystemDetail } from '../../queries/subsystemQueries.js';
import type { Db } from '../../storage/openStore.js';
import { checkedText } from '../params.js';

export function subsystemsRouter(db: Db): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ items: listSubsystems(db) });
  });
  router.get('/:name', (req, res) => {
    const name = checkedText('subsystem', req.params.name);
    const detail = subsystemDetail(db, name);
    if (!detail) throw new NotFound('subsystem', name);
    res.json(detail);
  });
  return router;
}
