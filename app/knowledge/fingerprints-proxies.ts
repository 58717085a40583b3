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
  {
    id: 'cloudflare',
    name: 'Cloudflare',
    kind: 'cdn',
    roles: ['proxy'],
    own501: ['method'],
    note: 'Cloudflare Workers answer 501 to methods the Workers runtime does not support.',
    signals: [
      {
        place: 'header',
        header: 'cf-ray',
        pattern: /^[0-9a-f]+(-[A-Z]{3})?$/i,
        proves: 'on-path',
        source:
          'developers.cloudflare.com/fundamentals/reference/cloudflare-ray-id/ (every response through Cloudflare)',
      },
      {
        place: 'server',
        pattern: /^cloudflare$/i,
        proves: 'identity',
        source:
          'Cloudflare sets Server: cloudflare on proxied responses (developers.cloudflare.com, "Cloudflare HTTP headers")',
      },
      {
        place: 'body',
        pattern: /cf-error-details|Cloudflare Ray ID|cf-error-code/i,
        proves: 'authored',
        source:
          'Cloudflare 5xx error pages (developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/)',
      },
      {
        place: 'body',
        pattern: /^error code: \d{3,4}$/,
        proves: 'authored',
        source:
          'Cloudflare plain-text errors for non-browser clients (developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/)',
      },
    ],
  },
  {
    id: 'cloudfront',
    name: 'Amazon CloudFront',
    kind: 'cdn',
    roles: ['proxy'],
    own501: ['method', 'policy'],
    signals: [
      {
        place: 'header',
        header: 'x-amz-cf-id',
        pattern: /./,
        proves: 'on-path',
        source:
          'docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html (X-Amz-Cf-Id)',
      },
      {
        place: 'via',
        pattern: /\.cloudfront\.net \(CloudFront\)/,
        proves: 'on-path',
        source: 'CloudFront adds "Via: 1.1 <id>.cloudfront.net (CloudFront)" (same AWS page)',
      },
      {
        place: 'header',
        header: 'x-cache',
        pattern: /^Error from cloudfront$/i,
        proves: 'authored',
        source:
          'CloudFront X-Cache "Error from cloudfront" when CloudFront itself returned the error (AWS re:Post, "X-Cache: Error from cloudfront")',
      },
      {
        place: 'body',
        pattern: /Generated by cloudfront \(CloudFront\)|The request could not be satisfied/,
        proves: 'authored',
        source:
          'CloudFront default error page ("ERROR: The request could not be satisfied … Generated by cloudfront (CloudFront)")',
      },
    ],
  },
  {
    id: 'fastly',
    name: 'Fastly',
    kind: 'cdn',
    roles: ['proxy'],
    own501: ['policy'],
    signals: [
      {
        place: 'header',
        header: 'x-served-by',
        pattern: /\bcache-[a-z0-9-]+/i,
        proves: 'on-path',
        source:
          'docs.fastly.com, "Understanding cache HIT and MISS headers with shielded services" (X-Served-By: cache-<pop>)',
      },
      {
        place: 'header',
        header: 'x-timer',
        pattern: /^S\d+\.\d+,VS\d+/,
        proves: 'on-path',
        source: 'docs.fastly.com, X-Timer header',
      },
      {
        place: 'body',
        pattern: /Fastly error: unknown domain|<title>Fastly error/i,
        proves: 'authored',
        source: 'docs.fastly.com/en/guides/common-400-errors ("Fastly error: unknown domain")',
      },
    ],
  },
  {
    id: 'akamai',
    name: 'Akamai',
    kind: 'cdn',
    roles: ['proxy'],
    own501: ['method'],
    note: 'AkamaiGHost answers "Unsupported Request … not supported" to methods its edge configuration does not allow.',
    signals: [
      {
        place: 'server',
        pattern: /^AkamaiGHost$/i,
        proves: 'identity',
        source:
          'Akamai edge servers identify as AkamaiGHost on their own responses (techdocs.akamai.com, "Edge server error pages")',
      },
      {
        place: 'body',
        pattern: /Reference&#32;&#35;\d+\.[0-9a-f.]+|Reference #\d+\.[0-9a-f]+\.\d+/,
        proves: 'authored',
        source:
          'Akamai edge error pages end with "Reference #<id>" (techdocs.akamai.com, "Reference numbers in error messages")',
      },
      {
        place: 'body',
        pattern: /<H1>Unsupported Request<\/H1>/i,
        proves: 'authored',
        source: 'AkamaiGHost "Unsupported Request" page for disallowed methods',
      },
      {
        place: 'header',
        header: 'x-akamai-transformed',
        pattern: /./,
        proves: 'on-path',
        source: 'techdocs.akamai.com (X-Akamai-Transformed, set by image and page transformations)',
      },
    ],
  },
  {
    id: 'aws-alb',
    name: 'AWS Application Load Balancer',
    kind: 'load-balancer',
    roles: ['proxy'],
    own501: ['transfer-coding'],
    note: 'ALB answers 501 when a request carries a Transfer-Encoding other than chunked or identity.',
    signals: [
      {
        place: 'server',
        pattern: /^awselb\/\d/,
        proves: 'identity',
        source:
          'docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html (responses generated by the load balancer carry Server: awselb/2.0)',
      },
      {
        place: 'body',
        pattern: /<center>awselb\/\d[\d.]*<\/center>/,
        proves: 'authored',
        source: 'ALB generated error pages (same AWS troubleshooting page, "HTTP 501: Not implemented")',
      },
    ],
  },
  {
    id: 'aws-api-gateway',
    name: 'Amazon API Gateway',
    kind: 'proxy',
    roles: ['proxy'],
    own501: ['policy'],
    signals: [
      {
        place: 'header',
        header: 'x-amzn-errortype',
        pattern: /./,
        proves: 'authored',
        source:
          'docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html (gateway responses carry x-amzn-ErrorType)',
      },
      {
        place: 'header',
        header: 'x-amz-apigw-id',
        pattern: /./,
        proves: 'on-path',
        source: 'API Gateway sets x-amz-apigw-id on every response (AWS API Gateway developer guide)',
      },
      {
        place: 'header',
        header: 'x-amzn-requestid',
        pattern: /./,
        proves: 'on-path',
        source: 'AWS API Gateway / Lambda function URLs response header x-amzn-RequestId',
      },
    ],
  },
  {
    id: 'google-frontend',
    name: 'Google Front End',
    kind: 'load-balancer',
    roles: ['proxy'],
    own501: ['method'],
    signals: [
      {
        place: 'server',
        pattern: /^(Google Frontend|GFE\/[\d.]+|ESF|gws)$/,
        proves: 'identity',
        source:
          'cloud.google.com/load-balancing/docs/https (responses from Google front ends: Server: Google Frontend / GFE/2.0)',
      },
      {
        place: 'via',
        pattern: /\b1\.1 google\b/,
        proves: 'on-path',
        source:
          'cloud.google.com/load-balancing/docs/https#target-proxies (the load balancer adds "Via: 1.1 google")',
      },
      {
        place: 'body',
        pattern: /<title>Error \d{3} \([^)]*\)!!1<\/title>/,
        proves: 'authored',
        source: 'Google front-end error page title "Error <code> (<reason>)!!1"',
      },
    ],
  },
  {
    id: 'azure-front-door',
    name: 'Azure Front Door / Application Gateway',
    kind: 'cdn',
    roles: ['proxy'],
    own501: ['policy'],
    signals: [
      {
        place: 'header',
        header: 'x-azure-ref',
        pattern: /./,
        proves: 'on-path',
        source:
          'learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol (X-Azure-Ref on every response)',
      },
      {
        place: 'server',
        pattern: /^Microsoft-Azure-Application-Gateway\/v\d/,
        proves: 'identity',
        source: 'learn.microsoft.com/azure/application-gateway (gateway-generated responses)',
      },
      {
        place: 'body',
        pattern: /<center>Microsoft-Azure-Application-Gateway\/v\d<\/center>/,
        proves: 'authored',
        source:
          'Azure Application Gateway default error pages (learn.microsoft.com/azure/application-gateway/custom-error)',
      },
    ],
  },
];
