// The citation of a stored event: the event row's attribution put into formatCitation's terms.
import type { EventRow } from '../storage/eventsTable.js';
import { formatCitation } from './formatCitation.js';

export function citationOf(event: EventRow): string {
  // author_date is the author's own clock with its offset: 2003-01-02T10:00:00+01:00.
  const zone = /([+-])(\d\d):(\d\d)$/.exec(event.author_date);
  return formatCitation({
    sha: event.commit,
    subject: event.subject,
    authorName: event.author_name,
    authorEmail: event.author_email,
    authorTime: Date.parse(event.author_date) / 1000,
    authorTz: zone ? `${zone[1]}${zone[2]}${zone[3]}` : '+0000',
    committerName: event.committer_name,
    committerEmail: event.committer_email,
    release: event.release,
    links: event.trailers.filter(([key]) => key.toLowerCase() === 'link').map(([, value]) => value),
    symbol: event.symbol,
    path: event.path,
    fromPath: event.from_path,
    kind: event.kind,
    beforeMacro: event.before_macro,
    afterMacro: event.after_macro,
    beforeNamespace: event.before_namespace,
    afterNamespace: event.after_namespace,
  });
}
