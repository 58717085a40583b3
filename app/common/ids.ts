/** Short random ids for exchanges, probes and requests. Uses Web Crypto, present in Node 20 and browsers. */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(36).padStart(2, '0');
  return prefix ? `${prefix}_${out.slice(0, 12)}` : out.slice(0, 12);
}
