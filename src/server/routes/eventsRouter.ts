// /api/events: events filtered by range (release tags or dates), kind, subsystem, author and symbol.
import { Router } from 'express';
import { listEvents } from '../../queries/listEvents.js';
import type { Db } from '../../storage/openStore.js';
import { knownSubsystem, knownSymbol } from '../knownNames.js';
import { kinds, page, rangeEnd, symbolName, text } from '../params.js';

export function eventsRouter(db: Db): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const releases = new Set(db.prepare('SELECT tag FROM releases').pluck().all() as string[]);
    const paging = page(query);
    const symbol = text(query, 'symbol');
    const result = listEvents(db, {
      from: rangeEnd(query, 'from', releases),
      to: rangeEnd(query, 'to', releases),
      kinds: kinds(query),
      subsystem: knownSubsystem(db, text(query, 'subsystem')),
      author: text(query, 'author'),
      symbol: knownSymbol(db, symbol === undefined ? undefined : symbolName(symbol)),
      ...paging,
    });
    res.json({ ...paging, ...result });
  });
  return router;
}
