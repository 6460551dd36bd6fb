// The symbol search box: suggestions from /api/symbols?q= as you type (a combobox with a listbox),
// arrow keys to choose, Enter or a click to open /symbol/NAME.
import { getJSON, el, symbolHref, writeQuery } from './common.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,255}$/;
const SUGGESTIONS = 12;

/**
 * Wires a `form.search` holding `input[role=combobox]`, `ul[role=listbox]` and `.search-message`.
 * With `syncUrl`, the text typed is kept in the page's `q` parameter.
 */
export function attachSearch(form, { syncUrl = false } = {}) {
  const input = form.querySelector('input');
  const list = form.querySelector('[role=listbox]');
  const message = form.querySelector('.search-message');
  let items = [];
  let active = -1;
  let pending = null;
  let timer = 0;

  const say = (text) => {
    message.textContent = text;
    message.hidden = !text;
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index) => {
    active = index;
    list.querySelectorAll('li').forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', `suggestion-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const go = (name) => {
    if (!IDENTIFIER.test(name)) {
      say(`"${name}" is not a symbol name (a C identifier: letters, digits and _).`);
      return;
    }
    location.assign(symbolHref(name));
  };

  const render = (hits, total, query) => {
    items = hits;
    list.replaceChildren(...hits.map((hit, i) => {
      const li = el('li', 'suggestion');
      li.id = `suggestion-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.symbol = hit.symbol;
      li.append(el('span', 'suggestion-name', hit.symbol), el('span', `badge lic-${hit.license}`, hit.license));
      li.addEventListener('mousedown', (event) => event.preventDefault());
      li.addEventListener('click', () => go(hit.symbol));
      return li;
    }));
    if (hits.length === 0) list.append(el('li', 'suggestion-none', `no symbol contains "${query}"`));
    else if (total > hits.length) list.append(el('li', 'suggestion-more', `${total - hits.length} more; type more of the name`));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };

  const suggest = async () => {
    const query = input.value.trim();
    if (pending) pending.abort();
    if (query === '') {
      close();
      return;
    }
    pending = new AbortController();
    try {
      const answer = await getJSON(`/api/symbols?q=${encodeURIComponent(query)}&limit=${SUGGESTIONS}`, { signal: pending.signal });
      if (input.value.trim() === query) render(answer.items, answer.total, query);
    } catch (error) {
      if (error.name !== 'AbortError') say(error.message);
    }
  };

  input.addEventListener('input', () => {
    say('');
    if (syncUrl) writeQuery({ q: input.value });
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden || items.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // Cycles through the suggestions and back to the text typed (-1).
      let next = active + (event.key === 'ArrowDown' ? 1 : -1);
      if (next >= items.length) next = -1;
      else if (next < -1) next = items.length - 1;
      highlight(next);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '' && items.length > 0) suggest();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = active >= 0 ? items[active] : undefined;
    go(chosen ? chosen.symbol : input.value.trim());
  });

  if (syncUrl) {
    const q = new URLSearchParams(location.search).get('q');
    if (q) {
      input.value = q;
      suggest();
    }
  }
}
