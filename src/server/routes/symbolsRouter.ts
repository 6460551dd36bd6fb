// /api/symbols: search, and one symbol with its exports, events (each with its citation) and releases.
import { Router } from 'express';
import { NotFound } from '../../errors.js';
import { citationOf } from '../../reports/citationOf.js';
import { searchSymbols } from '../../queries/searchSymbols.js';
import { nearestSymbols, symbolDetail } from '../../queries/symbolDetail.js';
import type { Db } from '../../storage/openStore.js';
import { knownSubsystem } from '../knownNames.js';
import { license, page, symbolName, text } from '../params.js';

export function symbolsRouter(db: Db): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const paging = page(query);
    const result = searchSymbols(db, { q: text(query, 'q'), subsystem: knownSubsystem(db, text(query, 'subsystem')), license: license(query), ...paging });
    res.json({ ...paging, ...result });
  });
  router.get('/:name', (req, res) => {
    const name = symbolName(req.params.name);
    const detail = symbolDetail(db, name);
    if (!detail) throw new NotFound('symbol', name, nearestSymbols(db, name));
    res.json({ ...detail, events: detail.events.map((e) => ({ ...e, citation: citationOf(e) })) });
  });
  return router;
}
