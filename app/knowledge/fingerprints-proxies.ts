/**
 * Proxies, caches, load balancers and CDNs: products that sit in front of an origin and can answer
 * a request themselves. A response whose body is one of their own error pages was written by them,
 * whatever the origin would have said.
 */
import type { Fingerprint } from './fingerprints-types';

const CORPUS = 'recorded exchange in the Statuscope 501 corpus (app/diagnosis/fixtures)';

export const PROXY_FINGERPRINTS: readonly Fingerprint[] = [
  {
    id: 'squid',
    name: 'Squid',
    kind: 'proxy',
    roles: ['proxy'],
    own501: ['method', 'transfer-coding'],
    signals: [
      // Squid names the error template it served (ERR_UNSUP_REQ for an unsupported method or protocol).
      {
        place: 'header',
        header: 'x-squid-error',
        pattern: /^ERR_[A-Z_]+/,
        proves: 'authored',
        source: 'Squid errors/templates and src/errorpage.cc (X-Squid-Error header); ' + CORPUS,
      },
      {
        place: 'body',
        pattern: /Generated [^<]* by [^<]*\(squid\/[\d.]+\)/i,
        proves: 'authored',
        source: 'Squid error templates, footer "Generated <date> by <host> (squid/<version>)"; ' + CORPUS,
      },
      {
        place: 'server',
        pattern: /^squid(\/|$)/i,
        proves: 'identity',
        source: 'Squid sets Server: squid/<version> on its own responses; ' + CORPUS,
      },
      {
        place: 'via',
        pattern: /\(squid(\/[\d.]+)?\)/i,
        proves: 'on-path',
        source: 'Squid appends "Via: 1.1 <host> (squid/<version>)" (RFC 9110 §7.6.3); ' + CORPUS,
      },
      {
        place: 'header',
        header: 'x-cache',
        pattern: /\b(HIT|MISS|NONE|DENIED) from \S+/,
        proves: 'on-path',
        source: 'Squid X-Cache / X-Cache-Lookup "<result> from <host>"; ' + CORPUS,
      },
    ],
  },
  {
    id: 'haproxy',
    name: 'HAProxy',
    kind: 'load-balancer',
    roles: ['proxy'],
    own501: ['policy', 'method'],
    note: 'HAProxy answers with its built-in error page when a rule (http-request deny, an ACL on the method) refuses the request.',
    signals: [
      // src/http.c http_err_msgs: "<html><body><h1>501 Not Implemented</h1>\n.The server does not support the functionality required…"
      {
        place: 'body',
        pattern: /^<html><body><h1>\d{3} [^<]+<\/h1>\n/,
        proves: 'authored',
        source: 'HAProxy src/http.c http_err_msgs (built-in error pages); ' + CORPUS,
      },
      {
        place: 'body',
        pattern:
          /<h1>501 Not Implemented<\/h1>\n\.The server does not support the functionality required to fulfill the request\./,
        proves: 'authored',
        source: 'HAProxy src/http.c http_err_msgs[HTTP_ERR_501]; ' + CORPUS,
      },
    ],
  },
  {
    id: 'varnish',
    name: 'Varnish',
    kind: 'cache',
    roles: ['proxy'],
    own501: ['policy'],
    signals: [
      {
        place: 'body',
        pattern: /Guru Meditation/i,
        proves: 'authored',
        source: 'Varnish builtin.vcl vcl_synth / vcl_backend_error page ("Guru Meditation", XID)',
      },
      {
        place: 'header',
        header: 'x-varnish',
        pattern: /^\d+( \d+)?$/,
        proves: 'on-path',
        source:
          'Varnish sets X-Varnish: <xid> [<xid of cached object>] (varnish-cache.org docs, "X-Varnish")',
      },
      {
        place: 'via',
        pattern: /varnish/i,
        proves: 'on-path',
        source: 'Varnish adds "Via: 1.1 varnish (Varnish/<v>)" (Varnish 6 builtin behaviour)',
      },
      {
        place: 'server',
        pattern: /^Varnish/i,
        proves: 'identity',
        source: 'Varnish synthetic responses carry Server: Varnish',
      },
    ],
  },
  {
    id: 'envoy',
    name: 'Envoy',
    kind: 'proxy',
    roles: ['proxy'],
    own501: ['transfer-coding'],
    signals: [
      {
        place: 'server',
        pattern: /^envoy$/i,
        proves: 'identity',
        source: 'Envoy server_name default "envoy" (envoyproxy.io docs, HttpConnectionManager.server_name)',
      },
      {
        place: 'header',
        header: 'x-envoy-upstream-service-time',
        pattern: /^\d+$/,
        proves: 'on-path',
        source:
          'Envoy x-envoy-upstream-service-time, set only when an upstream answered (envoyproxy.io, "HTTP header manipulation")',
      },
      {
        place: 'body',
        pattern:
          /^(upstream connect error or disconnect\/reset before headers|no healthy upstream|upstream request timeout)/,
        proves: 'authored',
        source: 'Envoy local replies (source/common/http/utility.cc, router filter)',
      },
    ],
  },
  {
    id: 'traefik',
    name: 'Traefik',
    kind: 'proxy',
    roles: ['proxy'],
    own501: ['transfer-coding'],
    note: 'Traefik is written in Go; request-framing errors come from Go net/http and read the same as any Go server.',
    signals: [
      {
        place: 'body',
        pattern: /^(Bad Gateway|Gateway Timeout|Service Unavailable)$/,
        proves: 'authored',
        source:
          'Traefik pkg/proxy error handler writes the bare status text (doc.traefik.io, "Service errors")',
      },
      {
        place: 'header',
        header: 'x-traefik-router',
        pattern: /./,
        proves: 'on-path',
        source: 'doc.traefik.io middleware examples (custom header set by operators)',
      },
    ],
  },
  {
    id: 'apache-traffic-server',
    name: 'Apache Traffic Server',
    kind: 'cache',
    roles: ['proxy'],
    own501: ['method'],
    signals: [
      {
        place: 'server',
        pattern: /^ATS(\/|$)/,
        proves: 'identity',
        source:
          'Traffic Server proxy.config.http.response_server_str default "ATS/" (docs.trafficserver.apache.org, records.yaml)',
      },
      {
        place: 'via',
        pattern: /ApacheTrafficServer|\[[cCeEsSfFpPuU][A-Z ]*\]/,
        proves: 'on-path',
        source: 'Traffic Server Via codes (docs.trafficserver.apache.org, "Traffic Server Via header")',
      },
      {
        place: 'body',
        pattern:
          /<HR>\s*<ADDRESS>\s*<A HREF="http:\/\/trafficserver\.apache\.org\/">Apache Traffic Server<\/A>/i,
        proves: 'authored',
        source: 'Traffic Server body_factory default templates',
      },
    ],
  },
];
