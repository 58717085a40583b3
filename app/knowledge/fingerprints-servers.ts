/**
 * Web servers and application servers: products that can be the origin, and (nginx, Apache, Caddy,
 * lighttpd) a reverse proxy as well. Their own error page shows the server itself answered; whether it
 * was the origin or a proxy in front of one is for the hop analysis (a control request) to tell.
 */
import type { Fingerprint } from './fingerprints-types';

const CORPUS = 'recorded exchange in the Statuscope 501 corpus (app/diagnosis/fixtures)';

export const SERVER_FINGERPRINTS: readonly Fingerprint[] = [
  {
    id: 'apache',
    name: 'Apache httpd',
    kind: 'server',
    roles: ['origin', 'proxy'],
    own501: ['method'],
    own501AsProxy: [], // mod_proxy forwards methods it does not know; the corpus shows Apache relaying the origin's 501 for BREW
    note: 'Apache answers 501 to a method no module handles ("<METHOD> not supported for current URL"); it lists what it serves in Allow.',
    signals: [
      {
        place: 'server',
        pattern: /^Apache(\/[\d.]+)?( |$)/,
        proves: 'identity',
        source: 'httpd ServerTokens (httpd.apache.org/docs/2.4/mod/core.html#servertokens); ' + CORPUS,
      },
      {
        place: 'body',
        pattern: /<address>Apache(\/[\d.]+)?[^<]* Server at [^<]+<\/address>/,
        proves: 'authored',
        source:
          'httpd ServerSignature footer (httpd.apache.org/docs/2.4/mod/core.html#serversignature); ' + CORPUS,
      },
      {
        place: 'body',
        pattern: /<p>\S+ not supported for current URL\.<br \/>/,
        proves: 'authored',
        source:
          'httpd modules/http/http_protocol.c get_canned_error_string (HTTP_NOT_IMPLEMENTED); ' + CORPUS,
      },
      {
        place: 'body',
        pattern:
          /^<!DOCTYPE HTML PUBLIC "-\/\/IETF\/\/DTD HTML 2\.0\/\/EN">\n<html><head>\n<title>\d{3} [^<]+<\/title>/,
        proves: 'authored',
        source: 'httpd 2.4 canned error page prologue (older builds)',
      },
    ],
  },
  {
    id: 'nginx',
    name: 'nginx',
    kind: 'server',
    roles: ['origin', 'proxy'],
    own501: ['transfer-coding'],
    own501AsProxy: ['transfer-coding'], // ngx_http_request.c rejects the Transfer-Encoding before proxy_pass; corpus: nginx as proxy answers 501 itself
    note: 'nginx answers unknown methods with 405 (400 for lower-case ones); its own 501 means a Transfer-Encoding it does not implement.',
    rewritesServer:
      'nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass_header ("By default, nginx does not pass the header fields Date, Server ... from the response of a proxied server"); ' +
      CORPUS,
    signals: [
      {
        place: 'server',
        pattern: /^(nginx|openresty)(\/[\d.]+)?/i,
        proves: 'identity',
        source:
          'nginx server_tokens (nginx.org/en/docs/http/ngx_http_core_module.html#server_tokens); as a proxy nginx replaces the upstream Server header; ' +
          CORPUS,
      },
      {
        place: 'body',
        pattern: /<hr><center>(nginx|openresty)(\/[\d.]+)?<\/center>/i,
        proves: 'authored',
        source: 'nginx src/http/ngx_http_special_response.c (ngx_http_error_tail); ' + CORPUS,
      },
    ],
  },
  {
    id: 'lighttpd',
    name: 'lighttpd',
    kind: 'server',
    roles: ['origin', 'proxy'],
    own501: ['method', 'transfer-coding'],
    own501AsProxy: ['transfer-coding'], // request parsing happens before mod_proxy
    signals: [
      {
        place: 'server',
        pattern: /^lighttpd(\/[\d.]+)?/i,
        proves: 'identity',
        source: 'lighttpd server.tag default (redmine.lighttpd.net/projects/lighttpd/wiki/Server_tagDetails)',
      },
      {
        place: 'body',
        pattern: /<title>\d{3} [^<]+<\/title>\s*<\/head>\s*<body>\s*<h1>\d{3} [^<]+<\/h1>\s*<\/body>/,
        proves: 'authored',
        source: 'lighttpd src/response.c (http_response_static_errdoc)',
      },
    ],
  },
  {
    id: 'caddy',
    name: 'Caddy',
    kind: 'server',
    roles: ['origin', 'proxy'],
    own501: ['transfer-coding'],
    own501AsProxy: ['transfer-coding'], // Go net/http parses framing before reverse_proxy
    note: 'Caddy is written in Go; framing errors come from Go net/http.',
    signals: [
      {
        place: 'server',
        pattern: /^Caddy$/i,
        proves: 'identity',
        source: 'caddyserver.com/docs (Caddy sets Server: Caddy)',
      },
    ],
  },
  {
    id: 'go-net-http',
    name: 'Go net/http',
    kind: 'server',
    roles: ['origin', 'proxy'],
    own501: ['transfer-coding'],
    own501AsProxy: ['transfer-coding'], // httputil.ReverseProxy sits behind the same server parsing
    signals: [
      // net/http server.go: "HTTP/1.1 501 Not Implemented … Unsupported transfer encoding" for errUnsupportedTransferEncoding.
      {
        place: 'body',
        pattern: /^Unsupported transfer encoding$/,
        proves: 'authored',
        source: 'Go src/net/http/server.go (errUnsupportedTransferEncoding → 501)',
      },
      {
        place: 'body',
        pattern: /^404 page not found\n$/,
        proves: 'authored',
        source: 'Go src/net/http/server.go NotFound',
      },
    ],
  },
  {
    id: 'iis',
    name: 'Microsoft IIS / HTTP.sys',
    kind: 'server',
    roles: ['origin', 'proxy'],
    own501: ['transfer-coding', 'method'],
    own501AsProxy: ['transfer-coding'], // HTTP.sys parses framing before ARR forwards
    signals: [
      {
        place: 'server',
        pattern: /^(Microsoft-IIS|Microsoft-HTTPAPI)\/[\d.]+/,
        proves: 'identity',
        source:
          'learn.microsoft.com/troubleshoot/developer/webapps/iis/ (Server: Microsoft-IIS/<v>; HTTP.sys errors: Microsoft-HTTPAPI/2.0)',
      },
      {
        place: 'body',
        pattern: /<h2>[^<]+<\/h2>\s*<hr><p>HTTP Error \d{3}\.( [^<]*)?<\/p>/,
        proves: 'authored',
        source:
          'HTTP.sys error responses (learn.microsoft.com/troubleshoot/developer/webapps/iis/iisadmin-service-inetinfo/error-logging-in-http-apis)',
      },
      {
        place: 'body',
        pattern: /<title>IIS \d+\.\d+ Detailed Error - \d{3}/,
        proves: 'authored',
        source:
          'IIS detailed error pages (learn.microsoft.com/iis/configuration/system.webserver/httperrors/)',
      },
    ],
  },
  {
    id: 'tomcat',
    name: 'Apache Tomcat',
    kind: 'server',
    roles: ['origin'],
    own501: ['method', 'transfer-coding', 'app'],
    note: 'Tomcat sends no reason phrase; its 501 page names the method ("Method [X] is not implemented by this Servlet for this URI") when HttpServlet refused it, and has no Message line when the connector refused the framing.',
    signals: [
      {
        place: 'body',
        pattern: /<title>HTTP Status \d{3} (–|â\x80\x93|-) [^<]+<\/title>/,
        proves: 'authored',
        source: 'Tomcat org/apache/catalina/valves/ErrorReportValve.java; ' + CORPUS,
      },
      {
        place: 'body',
        pattern: /<h3>Apache Tomcat\/[\d.]+[^<]*<\/h3>/,
        proves: 'authored',
        source: 'Tomcat ErrorReportValve showServerInfo footer; ' + CORPUS,
      },
      {
        place: 'server',
        pattern: /^Apache-Coyote\/[\d.]+|^Apache Tomcat/,
        proves: 'identity',
        source: 'Tomcat Connector server attribute (tomcat.apache.org/tomcat-10.1-doc/config/http.html)',
      },
    ],
  },
  {
    id: 'python-http-server',
    name: 'Python http.server',
    kind: 'server',
    roles: ['origin'],
    own501: ['method', 'app'],
    note: 'BaseHTTPRequestHandler answers "501 Unsupported method (\'X\')" when the handler has no do_X; send_error(501) from app code keeps the standard reason.',
    signals: [
      {
        place: 'server',
        pattern: /^(SimpleHTTP|BaseHTTP)\/[\d.]+ Python\/[\d.]+/,
        proves: 'identity',
        source: 'CPython Lib/http/server.py (server_version, sys_version); ' + CORPUS,
      },
      {
        place: 'reason',
        pattern: /^Unsupported method \('[^']*'\)$/,
        proves: 'authored',
        source:
          'CPython Lib/http/server.py handle_one_request: send_error(HTTPStatus.NOT_IMPLEMENTED, "Unsupported method (%r)"); ' +
          CORPUS,
      },
      {
        place: 'body',
        pattern: /<title>Error response<\/title>[\s\S]*<p>Error code: \d{3}<\/p>/,
        proves: 'authored',
        source: 'CPython Lib/http/server.py DEFAULT_ERROR_MESSAGE; ' + CORPUS,
      },
    ],
  },
];
