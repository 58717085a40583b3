/**
 * Splitting pasted command lines into words the way the shell would, for the two dialects browsers'
 * "Copy as cURL" produce:
 * - bash (POSIX sh quoting, https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_02):
 *   '…' literal, "…" with \$ \` \" \\ escapes, $'…' ANSI-C escapes, backslash-newline continuations;
 * - Windows cmd.exe: first cmd's own pass (^ escapes the next character, ^ at a line end continues the
 *   line, "…" protects ^), then the C runtime's argv rules (backslashes before a quote, "" inside quotes),
 *   https://learn.microsoft.com/en-us/cpp/c-language/parsing-c-command-line-arguments.
 * Commands are separated by unquoted newlines, `;`, `&&`, `||`, `|` and `&`.
 */
import { fail, ok, type Result } from '../common/result';

export interface ShellCommand {
  words: string[];
  /** Shell expansions met and left as text ($VAR, $(…), `…`, %VAR%). */
  expansions: string[];
  /** 1-based line of the command's first word, for messages. */
  line: number;
}

export type Dialect = 'bash' | 'cmd';

/** cmd when the text carries cmd's marks: ^" quoting or ^ line continuations. */
export function detectDialect(text: string): Dialect {
  if (/\^"/.test(text) || /\s\^\r?\n/.test(text) || /(^|\s)curl\.exe\s/i.test(text)) return 'cmd';
  return 'bash';
}

function position(text: string, index: number): string {
  const before = text.slice(0, index).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

const ANSI_C: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** $'…' body (bash manual §3.1.2.4); returns the text and the index after the closing quote. */
function ansiC(text: string, start: number): { value: string; end: number } | undefined {
  let out = '';
  let i = start;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === "'") return { value: out, end: i + 1 };
    if (c !== '\\') {
      out += c;
      i += 1;
      continue;
    }
    const n = text[i + 1] ?? '';
    const simple = ANSI_C[n];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (n === 'x' || n === 'u' || n === 'U') {
      const max = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const hex = /^[0-9a-fA-F]+/.exec(text.slice(i + 2, i + 2 + max))?.[0] ?? '';
      if (hex === '') {
        out += `\\${n}`;
        i += 2;
      } else {
        out += String.fromCodePoint(Number.parseInt(hex, 16));
        i += 2 + hex.length;
      }
    } else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1))?.[0] ?? '0';
      out += String.fromCharCode(Number.parseInt(oct, 8));
      i += 1 + oct.length;
    } else if (n === 'c') {
      const ch = text[i + 2] ?? '';
      out += String.fromCharCode(ch.toUpperCase().charCodeAt(0) & 0x1f);
      i += 3;
    } else {
      out += `\\${n}`;
      i += 2;
    }
  }
  return undefined;
}

function expansionAt(text: string, i: number): string | undefined {
  const m = /^\$(\{[^}]*\}|\([^)]*\)|[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(i));
  return m?.[0];
}

export function splitBash(text: string): Result<ShellCommand[]> {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let expansions: string[] = [];
  let word = '';
  let inWord = false;
  let commandLine = 0;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push({ words, expansions, line: commandLine });
    words = [];
    expansions = [];
  };
  const startWord = (i: number) => {
    if (!inWord && words.length === 0) commandLine = lineOf(text, i);
    inWord = true;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '\\') {
      const n = text[i + 1];
      if (n === '\n') i += 2;
      else if (n === '\r' && text[i + 2] === '\n') i += 3;
      else {
        startWord(i);
        word += n ?? '';
        i += 2;
      }
    } else if (c === ' ' || c === '\t') {
      endWord();
      i += 1;
    } else if (c === '\n' || c === '\r' || c === ';') {
      endCommand();
      i += 1;
    } else if (c === '&' || c === '|') {
      endCommand();
      i += text[i + 1] === c ? 2 : 1;
    } else if (c === '#' && !inWord) {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0)
        return fail('import.invalid', `Unterminated single quote at ${position(text, i)}.`, {
          detail: { where: position(text, i) },
        });
      startWord(i);
      word += text.slice(i + 1, close);
      i = close + 1;
    } else if (c === '$' && text[i + 1] === "'") {
      const parsed = ansiC(text, i + 2);
      if (!parsed)
        return fail('import.invalid', `Unterminated $'…' quote at ${position(text, i)}.`, {
          detail: { where: position(text, i) },
        });
      startWord(i);
      word += parsed.value;
      i = parsed.end;
    } else if (c === '"') {
      startWord(i);
      let j = i + 1;
      for (;;) {
        if (j >= text.length)
          return fail('import.invalid', `Unterminated double quote at ${position(text, i)}.`, {
            detail: { where: position(text, i) },
          });
        const d = text[j] ?? '';
        if (d === '"') break;
        if (d === '\\' && '$`"\\\n'.includes(text[j + 1] ?? '')) {
          if (text[j + 1] !== '\n') word += text[j + 1];
          j += 2;
          continue;
        }
        if (d === '$') {
          const exp = expansionAt(text, j);
          if (exp) expansions.push(exp);
        }
        if (d === '`') expansions.push('`…`');
        word += d;
        j += 1;
      }
      i = j + 1;
    } else {
      if (c === '$') {
        const exp = expansionAt(text, i);
        if (exp) expansions.push(exp);
      }
      if (c === '`') expansions.push('`…`');
      startWord(i);
      word += c;
      i += 1;
    }
  }
  endCommand();
  return ok(commands);
}

/** cmd.exe's pass: ^ escapes, ^-newline continuations, command separators. Quotes pass through for the CRT. */
function cmdPass(text: string): { text: string; line: number; expansions: string[] }[] {
  const out: { text: string; line: number; expansions: string[] }[] = [];
  let expansions: string[] = [];
  let current = '';
  let start = 0;
  let inQuote = false;
  const flush = (i: number) => {
    if (current.trim() !== '') out.push({ text: current, line: lineOf(text, start), expansions });
    current = '';
    expansions = [];
    start = i;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    // cmd expands %NAME% before it looks at carets; an escaped %^NAME (what Chrome writes) is not one.
    const expansion = c === '%' ? /^%[A-Za-z_][A-Za-z0-9_]*%/.exec(text.slice(i))?.[0] : undefined;
    if (expansion) expansions.push(expansion);
    if (inQuote) {
      if (c === '"') inQuote = false;
      if (c === '\n' || c === '\r') {
        inQuote = false; // a quote never spans lines in cmd
        flush(i + 1);
        i += 1;
        continue;
      }
      current += c;
      i += 1;
    } else if (c === '^') {
      let j = i + 1;
      if (text[j] === '\r') j += 1;
      if (text[j] === '\n') {
        // Continuation: the newline goes; the first character of the next line is taken literally.
        j += 1;
        if (text[j] === '\r') j += 1;
        if (text[j] === '\n') {
          current += '\n';
          j += 1;
        }
        i = j;
      } else {
        current += text[j] ?? '';
        i = j + 1;
      }
    } else if (c === '"') {
      inQuote = true;
      current += c;
      i += 1;
    } else if (c === '\n' || c === '\r') {
      flush(i + 1);
      i += 1;
    } else if (c === '&' || c === '|') {
      flush(i + 1);
      i += text[i + 1] === c ? 2 : 1;
    } else {
      current += c;
      i += 1;
    }
  }
  flush(text.length);
  return out;
}

/** The C runtime's argv split (what curl.exe receives). */
function crtSplit(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let inQuote = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === '\\') {
      let n = 0;
      while (line[i + n] === '\\') n += 1;
      if (line[i + n] === '"') {
        word += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) word += '"';
        else inQuote = !inQuote;
        i += n + 1;
      } else {
        word += '\\'.repeat(n);
        i += n;
      }
      inWord = true;
    } else if (c === '"') {
      if (inQuote && line[i + 1] === '"') {
        word += '"';
        i += 2;
      } else {
        inQuote = !inQuote;
        i += 1;
      }
      inWord = true;
    } else if ((c === ' ' || c === '\t') && !inQuote) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}

export function splitCmd(text: string): Result<ShellCommand[]> {
  return ok(
    cmdPass(text)
      .map(({ text: line, line: n, expansions }) => ({ words: crtSplit(line), expansions, line: n }))
      .filter((c) => c.words.length > 0),
  );
}

export function splitCommands(text: string, dialect: Dialect = detectDialect(text)): Result<ShellCommand[]> {
  return dialect === 'cmd' ? splitCmd(text) : splitBash(text);
}
