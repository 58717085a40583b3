/**
 * Parsing `WWW-Authenticate` (RFC 9110 §11.6.1): one or more challenges per field, comma-separated,
 * each `auth-scheme [ 1*SP ( token68 / #auth-param ) ]` (§11.2), where auth-param values are tokens
 * or quoted-strings (§5.6.4). Parameter names are case-insensitive and are lower-cased here.
 */

export interface Challenge {
  /** The scheme as sent (compare case-insensitively). */
  scheme: string;
  params: Record<string, string>;
  token68?: string;
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;

class Scanner {
  i = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.i >= this.s.length;
  }
  peek(): string {
    return this.s[this.i] ?? '';
  }
  ows(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++;
  }
  /** Skips whitespace and empty list elements (`a, , b` is allowed by §5.6.1). */
  separators(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === ',') this.i++;
  }
  token(): string {
    const start = this.i;
    while (TCHAR.test(this.peek())) this.i++;
    return this.s.slice(start, this.i);
  }
  quoted(): string {
    // §5.6.4: quoted-string with backslash quoted-pairs.
    this.i++;
    let out = '';
    while (!this.done && this.peek() !== '"') {
      if (this.peek() === '\\') this.i++;
      out += this.peek();
      this.i++;
    }
    this.i++;
    return out;
  }
  /** True when an `auth-param` (`token OWS "=" OWS value`) starts here rather than a new challenge. */
  atParam(): boolean {
    const save = this.i;
    const name = this.token();
    this.ows();
    const eq = this.peek() === '=';
    this.i = save;
    return name !== '' && eq;
  }
}

export function parseChallenges(fieldValues: readonly string[]): Challenge[] {
  const out: Challenge[] = [];
  for (const value of fieldValues) {
    const sc = new Scanner(value);
    sc.separators();
    while (!sc.done) {
      const scheme = sc.token();
      if (scheme === '') {
        // Not a token: skip to the next comma so one malformed challenge does not hide the others.
        while (!sc.done && sc.peek() !== ',') sc.i++;
        sc.separators();
        continue;
      }
      const challenge: Challenge = { scheme, params: {} };
      out.push(challenge);
      sc.ows();
      // token68: e.g. `Negotiate abc+/==`, followed by the end or a comma.
      const save = sc.i;
      let t68 = '';
      while (TOKEN68_CHAR.test(sc.peek())) t68 += sc.s[sc.i++];
      while (sc.peek() === '=') t68 += sc.s[sc.i++];
      sc.ows();
      if (t68 !== '' && (sc.done || sc.peek() === ',') && !/^[^=]+=[^=]/.test(t68)) {
        challenge.token68 = t68;
        sc.separators();
        continue;
      }
      sc.i = save;
      while (!sc.done && sc.atParam()) {
        const name = sc.token().toLowerCase();
        sc.ows();
        sc.i++; // '='
        sc.ows();
        const v = sc.peek() === '"' ? sc.quoted() : sc.token();
        challenge.params[name] = v;
        sc.ows();
        if (sc.peek() !== ',') break;
        sc.separators();
      }
      sc.separators();
    }
  }
  return out;
}

/** Quotes a value as an RFC 9110 §5.6.4 quoted-string. */
export function quote(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
