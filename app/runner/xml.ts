/**
 * Writing XML 1.0 text that any parser accepts. XML 1.0 §2.2 allows only #x9 | #xA | #xD | [#x20-#xD7FF]
 * | [#xE000-#xFFFD] | [#x10000-#x10FFFF]: anything else (control characters a server put in a body,
 * unpaired surrogates) cannot appear even as a character reference, so it is written visibly as `\xNN`
 * / `\uNNNN` instead. Markup characters are escaped (§2.4); in attribute values tab, CR and LF become
 * character references so attribute-value normalisation (§3.3.3) keeps them.
 */
function visible(code: number): string {
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Replaces every character XML 1.0 §2.2 forbids with its visible escape; surrogate pairs stay. */
function onlyXmlChars(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2);
      i += 1;
    } else if (
      isHigh(c) ||
      isLow(c) ||
      c === 0xfffe ||
      c === 0xffff ||
      (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd)
    ) {
      out += visible(c);
    } else {
      out += text[i];
    }
  }
  return out;
}

export function xmlText(text: string): string {
  return onlyXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `<name a="1" b="2">` from ordered pairs; undefined values are left out. */
export function openTag(
  name: string,
  attrs: ReadonlyArray<readonly [string, string | number | undefined]>,
  selfClose = false,
): string {
  const rendered = attrs.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`);
  return `<${name}${rendered.join('')}${selfClose ? '/>' : '>'}`;
}
