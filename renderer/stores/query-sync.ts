/**
 * Query parameters ↔ URL, kept as the user typed them (no re-encoding): editing a row rewrites the
 * query string, editing the URL re-reads the rows. Disabled rows stay in the table but leave the URL.
 */
export interface Row {
  id: string;
  name: string;
  value: string;
  enabled: boolean;
}

let counter = 0;
export function newRow(name = '', value = '', enabled = true): Row {
  counter += 1;
  return { id: `r${counter}`, name, value, enabled };
}

function splitUrl(url: string): { base: string; query: string | undefined; hash: string } {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const noHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const q = noHash.indexOf('?');
  return q >= 0 ? { base: noHash.slice(0, q), query: noHash.slice(q + 1), hash } : { base: noHash, query: undefined, hash };
}

export function paramsFromUrl(url: string, previous: Row[]): Row[] {
  const { query } = splitUrl(url);
  const enabled = query === undefined || query === '' ? [] : query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq >= 0 ? { name: pair.slice(0, eq), value: pair.slice(eq + 1) } : { name: pair, value: '' };
  });
  // Re-use row ids where the position matches, so focus is kept while typing in the URL bar.
  const active = previous.filter((r) => r.enabled);
  const rows = enabled.map((p, i) => ({ ...(active[i] ?? newRow()), name: p.name, value: p.value, enabled: true }));
  return [...rows, ...previous.filter((r) => !r.enabled)];
}

export function urlWithParams(url: string, rows: Row[]): string {
  const { base, hash } = splitUrl(url);
  const active = rows.filter((r) => r.enabled && (r.name !== '' || r.value !== ''));
  if (active.length === 0) return `${base}${hash}`;
  return `${base}?${active.map((r) => (r.value === '' && !r.name.includes('=') ? r.name : `${r.name}=${r.value}`)).join('&')}${hash}`;
}
