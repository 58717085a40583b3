import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectDialect, splitBash, splitCmd, splitCommands } from './curl-shell';

function words(text: string, dialect?: 'bash' | 'cmd'): string[][] {
  const r = splitCommands(text, dialect);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value.map((c) => c.words);
}

describe('bash quoting', () => {
  it('given single quotes, it keeps everything literally, $ and backslashes included', () => {
    assert.deepEqual(words(`curl 'a $HOME \\n "b"'`), [['curl', 'a $HOME \\n "b"']]);
  });

  it('given double quotes, it unescapes only \\$ \\` \\" \\\\ and keeps other backslashes', () => {
    assert.deepEqual(words(String.raw`curl "a \"b\" \$c \\ \n"`), [['curl', 'a "b" $c \\ \\n']]);
  });

  it("given $'…', it decodes ANSI-C escapes (\\n, \\t, \\', \\xHH, \\uHHHH, octal)", () => {
    assert.deepEqual(words(String.raw`curl $'it\'s\n\t\x41\u00e9\101'`), [['curl', "it's\n\tAéA"]]);
  });

  it('given adjacent quoted parts, it joins them into one word', () => {
    assert.deepEqual(words(`curl 'a'"b"$'c'd`), [['curl', 'abcd']]);
  });

  it('given an empty quoted argument, it keeps an empty word', () => {
    assert.deepEqual(words(`curl -H '' x`), [['curl', '-H', '', 'x']]);
  });

  it('given backslash-newline continuations (LF and CRLF), it joins the lines', () => {
    assert.deepEqual(words('curl \\\n  -X POST \\\r\n  https://x'), [['curl', '-X', 'POST', 'https://x']]);
  });

  it('given an unquoted backslash, it escapes the next character', () => {
    assert.deepEqual(words('curl http://x/a\\?b\\ c'), [['curl', 'http://x/a?b c']]);
  });

  it('given ; && || | and newlines, it splits commands', () => {
    assert.deepEqual(words('curl a; curl b && curl c || curl d | grep x\ncurl e'), [
      ['curl', 'a'],
      ['curl', 'b'],
      ['curl', 'c'],
      ['curl', 'd'],
      ['grep', 'x'],
      ['curl', 'e'],
    ]);
  });

  it('given a comment, it skips to the end of the line but not a # inside a word', () => {
    assert.deepEqual(words('# first\ncurl http://x/#frag # trailing'), [['curl', 'http://x/#frag']]);
  });

  it('given $VAR outside single quotes, it keeps the text and reports the expansion', () => {
    const r = splitBash(`curl "$BASE/x" '$NOT'`);
    assert.ok(r.ok);
    assert.deepEqual(r.value[0]?.words, ['curl', '$BASE/x', '$NOT']);
    assert.deepEqual(r.value[0]?.expansions, ['$BASE']);
  });

  it('given an unterminated quote, it fails with import.invalid naming the line and column', () => {
    const r = splitBash("curl \\\n  -d 'abc");
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'import.invalid');
    assert.match(r.error.message, /line 2, column 6/);
  });
});

describe('Windows cmd quoting', () => {
  it('given Chrome\'s ^" quoting and ^ continuations, it gives the words curl.exe receives', () => {
    const text =
      'curl ^"https://x/a?b=1^&c=2^" ^\r\n  -H ^"accept: */*^" ^\r\n  --data-raw ^"^{^\\^"a^\\^":1^}^"';
    assert.equal(detectDialect(text), 'cmd');
    assert.deepEqual(words(text), [
      ['curl', 'https://x/a?b=1&c=2', '-H', 'accept: */*', '--data-raw', '{"a":1}'],
    ]);
  });

  it("given %^ (Chrome's escape for %), it keeps a literal percent sign", () => {
    assert.deepEqual(words('curl ^"https://x/?q=100^%^25^"', 'cmd'), [['curl', 'https://x/?q=100%25']]);
  });

  it('given ^ then two newlines inside a quoted argument, it keeps one literal newline', () => {
    assert.deepEqual(words('curl --data-raw ^"a^\n\nb^"', 'cmd'), [['curl', '--data-raw', 'a\nb']]);
  });

  it('given plain double quotes, cmd leaves ^ inside them alone and the C runtime strips the quotes', () => {
    assert.deepEqual(words('curl "a^b" "c d"', 'cmd'), [['curl', 'a^b', 'c d']]);
  });

  it('given backslashes before a quote, it applies the C runtime rules (2n → n and a quote; 2n+1 → n and a literal quote)', () => {
    assert.deepEqual(words(String.raw`curl "a\\" "b\"c" d\e`, 'cmd'), [['curl', 'a\\', 'b"c', 'd\\e']]);
  });

  it('given "" inside quotes, it yields one literal quote', () => {
    assert.deepEqual(words('curl "say ""hi"""', 'cmd'), [['curl', 'say "hi"']]);
  });

  it('given & and lines without ^, it splits commands', () => {
    assert.deepEqual(words('curl a & curl b\r\ncurl c', 'cmd'), [
      ['curl', 'a'],
      ['curl', 'b'],
      ['curl', 'c'],
    ]);
  });

  it('given %VAR%, it reports an expansion cmd would perform', () => {
    const r = splitCmd('curl "https://x/%TOKEN%"');
    assert.ok(r.ok);
    assert.deepEqual(r.value[0]?.expansions, ['%TOKEN%']);
  });
});
