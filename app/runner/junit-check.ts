/**
 * For tests: a small, strict XML 1.0 reader (a character-by-character tokenizer, no regular expressions
 * over the markup) and a structural check of JUnit XML as Jenkins' junit step and GitLab's JUnit reports
 * read it. The reader rejects what a real parser rejects: mismatched or unclosed tags, a bare `&` or `<`,
 * characters XML 1.0 forbids (raw or as a reference), duplicate attributes, more than one root.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function allowedChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function isNameChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    ch === '-' ||
    ch === '_' ||
    ch === ':' ||
    ch === '.'
  );
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  fail(what: string): never {
    throw new Error(`XML error at offset ${this.i}: ${what}`);
  }

  startsWith(t: string): boolean {
    return this.s.startsWith(t, this.i);
  }

  skipSpace(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i] ?? '')) this.i += 1;
  }

  name(): string {
    const start = this.i;
    while (this.i < this.s.length && isNameChar(this.s[this.i] ?? '')) this.i += 1;
    if (this.i === start) this.fail('expected a name');
    return this.s.slice(start, this.i);
  }

  /** Text up to `stop`, entities decoded; a raw `<` (in attributes) or a bad reference fails. */
  chars(stop: string): string {
    let out = '';
    while (this.i < this.s.length && this.s[this.i] !== stop) {
      const cp = this.s.codePointAt(this.i) ?? 0;
      const ch = String.fromCodePoint(cp);
      if (!allowedChar(cp)) this.fail(`character U+${cp.toString(16)} is not allowed in XML 1.0`);
      if (ch === '<') this.fail('a raw "<"');
      if (ch === '&') {
        const end = this.s.indexOf(';', this.i);
        if (end < 0) this.fail('an unterminated reference');
        const ref = this.s.slice(this.i + 1, end);
        let value: string | undefined;
        if (ref.startsWith('#x')) value = String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
        else if (ref.startsWith('#')) value = String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
        else value = ENTITIES[ref];
        if (value === undefined) this.fail(`unknown entity &${ref};`);
        if (!allowedChar(value.codePointAt(0) ?? 0))
          this.fail(`&${ref}; refers to a character XML 1.0 forbids`);
        out += value;
        this.i = end + 1;
        continue;
      }
      out += ch;
      this.i += ch.length;
    }
    return out;
  }

  element(): XmlElement {
    if (!this.startsWith('<')) this.fail('expected "<"');
    this.i += 1;
    const el: XmlElement = { name: this.name(), attrs: {}, children: [], text: '' };
    for (;;) {
      this.skipSpace();
      if (this.startsWith('/>')) {
        this.i += 2;
        return el;
      }
      if (this.startsWith('>')) {
        this.i += 1;
        break;
      }
      const attr = this.name();
      this.skipSpace();
      if (!this.startsWith('=')) this.fail('expected "="');
      this.i += 1;
      this.skipSpace();
      const quote = this.s[this.i];
      if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value');
      this.i += 1;
      if (Object.hasOwn(el.attrs, attr)) this.fail(`duplicate attribute ${attr}`);
      el.attrs[attr] = this.chars(quote);
      this.i += 1;
    }
    for (;;) {
      if (this.i >= this.s.length) this.fail(`<${el.name}> is not closed`);
      if (this.startsWith('</')) {
        this.i += 2;
        const closing = this.name();
        if (closing !== el.name) this.fail(`</${closing}> closes <${el.name}>`);
        this.skipSpace();
        if (!this.startsWith('>')) this.fail('expected ">"');
        this.i += 1;
        return el;
      }
      if (this.startsWith('<!--')) {
        const end = this.s.indexOf('-->', this.i);
        if (end < 0) this.fail('an unterminated comment');
        this.i = end + 3;
      } else if (this.startsWith('<')) el.children.push(this.element());
      else el.text += this.chars('<');
    }
  }

  document(): XmlElement {
    if (this.startsWith('<?xml')) {
      const end = this.s.indexOf('?>', this.i);
      if (end < 0) this.fail('an unterminated declaration');
      this.i = end + 2;
    }
    this.skipSpace();
    const root = this.element();
    this.skipSpace();
    if (this.i !== this.s.length) this.fail('content after the root element');
    return root;
  }
}

export function parseXml(text: string): XmlElement {
  return new Reader(text).document();
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function int(el: XmlElement, attr: string, problems: string[], where: string): number {
  const v = el.attrs[attr];
  if (v === undefined || !/^\d+$/.test(v)) {
    problems.push(`${where}: ${attr} must be a non-negative integer, got ${JSON.stringify(v)}`);
    return -1;
  }
  return Number(v);
}

function time(el: XmlElement, problems: string[], where: string): void {
  const v = el.attrs.time;
  if (v === undefined || !/^\d+(\.\d+)?$/.test(v))
    problems.push(`${where}: time must be seconds as a decimal, got ${JSON.stringify(v)}`);
}

/** Problems with a JUnit document's structure and counts; empty when CI servers will read it. */
export function checkJUnit(xml: string): string[] {
  const problems: string[] = [];
  const root = parseXml(xml);
  if (root.name !== 'testsuites') return [`the root is <${root.name}>, not <testsuites>`];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const [i, suite] of root.children.entries()) {
    const where = `testsuite[${i}]`;
    if (suite.name !== 'testsuite') {
      problems.push(`${where}: <testsuites> holds only <testsuite>, found <${suite.name}>`);
      continue;
    }
    for (const attr of ['name', 'hostname'])
      if (!suite.attrs[attr]) problems.push(`${where}: missing ${attr}`);
    if (!TIMESTAMP.test(suite.attrs.timestamp ?? ''))
      problems.push(
        `${where}: timestamp must be yyyy-mm-ddThh:mm:ss, got ${JSON.stringify(suite.attrs.timestamp)}`,
      );
    time(suite, problems, where);
    const order = ['properties', 'testcase', 'system-out', 'system-err'];
    let last = 0;
    for (const child of suite.children) {
      const at = order.indexOf(child.name);
      if (at < 0) problems.push(`${where}: unexpected <${child.name}>`);
      else if (at < last) problems.push(`${where}: <${child.name}> out of order`);
      else last = at;
    }
    const cases = suite.children.filter((c) => c.name === 'testcase');
    const count = { tests: cases.length, failures: 0, errors: 0, skipped: 0 };
    for (const [j, tc] of cases.entries()) {
      const w = `${where}/testcase[${j}]`;
      for (const attr of ['name', 'classname']) if (!tc.attrs[attr]) problems.push(`${w}: missing ${attr}`);
      time(tc, problems, w);
      const kinds = tc.children.map((c) => c.name);
      for (const k of kinds)
        if (!['failure', 'error', 'skipped', 'system-out', 'system-err'].includes(k))
          problems.push(`${w}: unexpected <${k}>`);
      for (const f of tc.children.filter((c) => c.name === 'failure' || c.name === 'error')) {
        if (f.attrs.message === undefined || f.attrs.type === undefined)
          problems.push(`${w}: <${f.name}> needs message and type`);
      }
      if (kinds.includes('error')) count.errors += 1;
      else if (kinds.includes('failure')) count.failures += 1;
      if (kinds.includes('skipped')) count.skipped += 1;
    }
    for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) {
      const declared = int(suite, k, problems, where);
      if (declared !== count[k]) problems.push(`${where}: ${k}="${declared}" but it holds ${count[k]}`);
      total[k] += count[k];
    }
  }
  for (const k of ['tests', 'failures', 'errors', 'skipped'] as const) {
    const declared = int(root, k, problems, 'testsuites');
    if (declared !== total[k])
      problems.push(`testsuites: ${k}="${declared}" but the suites hold ${total[k]}`);
  }
  return problems;
}
