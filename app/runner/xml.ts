/**
 * Writing XML 1.0 text that any parser accepts. XML 1.0 §2.2 allows only #x9 | #xA | #xD | [#x20-#xD7FF]
 * | [#xE000-#xFFFD] | [#x10000-#x10FFFF]: anything else (control characters a server put in a body,
 * unpaired surrogates) cannot appear even as a character reference, so it is written visibly as `\xNN`
 * / `\uNNNN` instead. Markup characters are escaped (§2.4); in attribute values tab, CR and LF become
 * character references so attribute-value normalisation (§3.3.3) keeps them.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function xmlText(text: string): string {
  return text.replace(NOT_XML, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
