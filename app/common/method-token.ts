/**
 * RFC 9110 §9.1: `method = token`; §5.6.2: `token = 1*tchar`,
 * tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA.
 * Method names are case-sensitive, so nothing here changes case.
 */
const TCHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/;

export type TokenCheck = { valid: true } | { valid: false; reason: string; index: number };

function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (ch === ' ') return `a space (${hex})`;
  if (ch === '\t') return `a tab (${hex})`;
  if (ch === '\r') return `a carriage return (${hex})`;
  if (ch === '\n') return `a line feed (${hex})`;
  if (cp < 0x20 || cp === 0x7f) return `the control character ${hex}`;
  return `"${ch}" (${hex})`;
}

/** Checks a method token and, when it is invalid, names the offending character and its position. */
export function checkMethodToken(method: string): TokenCheck {
  if (method.length === 0) return { valid: false, reason: 'The method is empty; a method is at least one token character (RFC 9110 §9.1).', index: 0 };
  let index = 0;
  for (const ch of method) {
    if (!TCHAR.test(ch)) {
      return {
        valid: false,
        index,
        reason: `The method "${method}" contains ${describeChar(ch)} at position ${index + 1}; a method must be a token of letters, digits and !#$%&'*+-.^_\`|~ (RFC 9110 §5.6.2).`,
      };
    }
    index += ch.length;
  }
  return { valid: true };
}

/** Header field names are tokens too (RFC 9110 §5.1); values may not contain CR, LF or NUL (§5.5). */
export function checkHeader(name: string, value: string): string | null {
  if (name.length === 0) return 'A header has an empty name.';
  for (const ch of name) {
    if (!TCHAR.test(ch)) return `The header name "${name}" contains ${describeChar(ch)}; header names are tokens (RFC 9110 §5.1).`;
  }
  if (/[\r\n\0]/.test(value)) return `The value of header "${name}" contains CR, LF or NUL, which RFC 9110 §5.5 forbids.`;
  return null;
}
