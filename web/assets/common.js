// Shared by every page: JSON fetch with the API's errors, error display, the demo banner, the URL
// query as view state, links, and date formats. Untrusted text only ever goes in through textContent.

/** An answer of the API other than 2xx: its status, `error` code, `message` and any `nearest` names. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && typeof body.message === 'string' ? body.message : `the server answered ${status}`);
    this.status = status;
    this.code = body && typeof body.error === 'string' ? body.error : 'HttpError';
    this.nearest = body && Array.isArray(body.nearest) ? body.nearest : [];
  }
}

/** GETs a JSON document of the API; rejects with an ApiError for 4xx/5xx answers. */
export async function getJSON(url, options = {}) {
  const res = await fetch(url, { headers: { accept: 'application/json' }, signal: options.signal });
  let body = null;
  try {
    body = await res.json();
  } catch {
    if (res.ok) throw new ApiError(res.status, { message: `${url} did not answer JSON` });
  }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/** Creates an element with a class and text (as text, never markup). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Shows an error in a container: one paragraph with the message as plain text. */
export function showError(container, error) {
  const p = el('p', 'error', error instanceof Error ? error.message : String(error));
  p.setAttribute('role', 'alert');
  container.replaceChildren(p);
  return p;
}

/** Puts the demo banner at the top of the page when the record was mined from the generated demo. */
export async function showDemoBanner() {
  const stats = await getJSON('/api/stats');
  if (stats.demo === true && !document.querySelector('.demo-banner')) {
    const banner = el('div', 'demo-banner', "Demo data: invented history, not the kernel's");
    banner.setAttribute('role', 'note');
    document.body.prepend(banner);
  }
  return stats;
}

/** The view state: the page's query parameters. */
export function readQuery() {
  return new URLSearchParams(location.search);
}

/** Merges values into the query (null, undefined or '' removes one) without a new history entry. */
export function writeQuery(values) {
  const query = readQuery();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '' || value === false) query.delete(key);
    else query.set(key, String(value));
  }
  const search = query.toString();
  const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
}

/** The decoded last segment of a page path: `/subsystem/VFIO%20DRIVER` → `VFIO DRIVER`. */
export function pathName(prefix) {
  const raw = location.pathname.slice(prefix.length).replace(/\/$/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const symbolHref = (name) => `/symbol/${encodeURIComponent(name)}`;
export const subsystemHref = (name) => `/subsystem/${encodeURIComponent(name)}`;

/** A link with a text label. */
export function link(href, text, className) {
  const a = el('a', className, text);
  a.href = href;
  return a;
}

export const shortCommit = (sha) => String(sha).slice(0, 12);

/** `2019-02-10T10:00:00-06:00` → `2019-02-10`: the date as the author's clock showed it. */
export const dayOf = (isoDate) => (isoDate ? String(isoDate).slice(0, 10) : '');

/** `2019-02-10T10:00:00-06:00` → `2019-02-10 10:00 -0600`, as git prints it. */
export function gitDate(isoDate) {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d)?(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?$/.exec(String(isoDate));
  if (!m) return String(isoDate);
  const zone = !m[3] || m[3] === 'Z' ? '+0000' : m[3].replace(':', '');
  return `${m[1]} ${m[2]} ${zone}`;
}

/** A time in milliseconds from an event: when its commit was committed (as the license periods count). */
export const eventTime = (event) => Date.parse(event.committer_date);

export const percent = (share) => `${(share * 100).toFixed(1)}%`;

/** Licenses over a whole tree, in the order charts stack them, with their labels. */
export const LICENSES = ['any', 'mixed', 'gpl'];
export const LICENSE_LABELS = { any: 'any module (EXPORT_SYMBOL)', gpl: 'GPL-only (EXPORT_SYMBOL_GPL)', mixed: 'mixed', none: 'not exported' };
