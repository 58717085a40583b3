/**
 * curl's command-line options, as far as importing needs them: which take an argument (so an option we
 * do not map still consumes its value), their short forms, and which only shape curl's output (ignored:
 * they change nothing in the request). Source: curl's manual, https://curl.se/docs/manpage.html (curl 8.x).
 */

/** Long name → short letter, for options Statuscope maps. */
export const SHORT_TO_LONG: Record<string, string> = {
  X: 'request',
  H: 'header',
  d: 'data',
  F: 'form',
  u: 'user',
  b: 'cookie',
  A: 'user-agent',
  e: 'referer',
  k: 'insecure',
  L: 'location',
  I: 'head',
  G: 'get',
  T: 'upload-file',
  m: 'max-time',
  r: 'range',
  x: 'proxy',
  E: 'cert',
  c: 'cookie-jar',
  o: 'output',
  O: 'remote-name',
  s: 'silent',
  S: 'show-error',
  v: 'verbose',
  i: 'include',
  f: 'fail',
  w: 'write-out',
  D: 'dump-header',
  C: 'continue-at',
  K: 'config',
  U: 'proxy-user',
  y: 'speed-time',
  Y: 'speed-limit',
  z: 'time-cond',
  J: 'remote-header-name',
  n: 'netrc',
  N: 'no-buffer',
  g: 'globoff',
  j: 'junk-session-cookies',
  Z: 'parallel',
  '#': 'progress-bar',
  '0': 'http1.0',
  '4': 'ipv4',
  '6': 'ipv6',
  q: 'disable',
  P: 'ftp-port',
  Q: 'quote',
  R: 'remote-time',
  l: 'list-only',
  a: 'append',
  B: 'use-ascii',
  M: 'manual',
  h: 'help',
  V: 'version',
  t: 'telnet-option',
  p: 'proxytunnel',
};

/** Options that take an argument (long names). */
export const TAKES_ARGUMENT = new Set([
  'request', 'header', 'data', 'data-ascii', 'data-binary', 'data-raw', 'data-urlencode', 'json', 'form', 'form-string',
  'user', 'cookie', 'cookie-jar', 'user-agent', 'referer', 'url', 'url-query', 'upload-file', 'max-time', 'connect-timeout',
  'max-redirs', 'range', 'proxy', 'proxy-user', 'proxy-header', 'cert', 'cert-type', 'key', 'key-type', 'pass', 'cacert',
  'capath', 'ciphers', 'connect-to', 'resolve', 'output', 'output-dir', 'write-out', 'dump-header', 'continue-at', 'config',
  'speed-time', 'speed-limit', 'time-cond', 'limit-rate', 'local-port', 'max-filesize', 'ftp-port', 'quote', 'retry',
  'retry-delay', 'retry-max-time', 'interface', 'dns-servers', 'dns-interface', 'dns-ipv4-addr', 'dns-ipv6-addr', 'doh-url',
  'expect100-timeout', 'happy-eyeballs-timeout-ms', 'keepalive-time', 'noproxy', 'oauth2-bearer', 'socks4', 'socks4a',
  'socks5', 'socks5-hostname', 'socks5-gssapi-service', 'stderr', 'trace', 'trace-ascii', 'trace-config', 'unix-socket',
  'abstract-unix-socket', 'variable', 'aws-sigv4', 'tls-max', 'proto', 'proto-redir', 'proto-default', 'sasl-authzid',
  'login-options', 'mail-from', 'mail-rcpt', 'mail-auth', 'netrc-file', 'hostpubmd5', 'hostpubsha256', 'pubkey',
  'pinnedpubkey', 'proxy-cacert', 'proxy-capath', 'proxy-cert', 'proxy-cert-type', 'proxy-key', 'proxy-key-type',
  'proxy-pass', 'proxy-ciphers', 'proxy-tls13-ciphers', 'proxy-service-name', 'proxy-pinnedpubkey', 'proxy-crlfile',
  'preproxy', 'create-file-mode', 'parallel-max', 'rate', 'delegation', 'krb', 'service-name', 'curves', 'engine',
  'egd-file', 'random-file', 'tls13-ciphers', 'request-target', 'crlfile', 'ftp-account', 'ftp-alternative-to-user',
  'ftp-method', 'ftp-ssl-ccc-mode', 'telnet-option', 'tftp-blksize', 'tlsauthtype', 'tlspassword', 'tlsuser',
  'proxy-tlsauthtype', 'proxy-tlspassword', 'proxy-tlsuser', 'ip-tos', 'vlan-priority', 'etag-compare', 'etag-save',
  'haproxy-clientip', 'ssl-sessions', 'sigalgs', 'ech', 'ipfs-gateway',
]);

/**
 * Options that only affect what curl does with the response or how it reports (no effect on the
 * request sent), so importing ignores them without a warning.
 */
export const OUTPUT_ONLY = new Set([
  'silent', 'show-error', 'verbose', 'include', 'fail', 'fail-with-body', 'fail-early', 'progress-bar', 'no-progress-meter',
  'output', 'output-dir', 'remote-name', 'remote-name-all', 'remote-header-name', 'write-out', 'dump-header', 'stderr',
  'trace', 'trace-ascii', 'trace-time', 'trace-ids', 'trace-config', 'no-buffer', 'create-dirs', 'styled-output',
  'no-styled-output', 'xattr', 'remote-time', 'manual', 'help', 'version', 'disable', 'parallel', 'parallel-max',
  'parallel-immediate', 'create-file-mode', 'globoff', 'raw', 'compressed-ssh', 'out-null', 'show-headers', 'clobber',
  'no-clobber', 'remove-on-error', 'skip-existing',
]);
