/**
 * Application frameworks. None of these answers an unknown method with 501 on its own (they route it
 * to 404 or 405, or their HTTP parser rejects it with 400), so a 501 in a framework's own format almost
 * always means application code asked for it — a stub — except where noted (@koa/router).
 */
import type { Fingerprint } from './fingerprints-types';

const CORPUS = 'recorded exchange in the Statuscope 501 corpus (app/diagnosis/fixtures)';

export const FRAMEWORK_FINGERPRINTS: readonly Fingerprint[] = [
  {
    id: 'werkzeug',
    name: 'Flask / Werkzeug',
    kind: 'framework',
    roles: ['origin'],
    own501: ['app'],
    note: 'Werkzeug routing answers unknown methods with 405; its 501 page comes from abort(501) or raise NotImplemented in the app.',
    signals: [
      {
        place: 'server',
        pattern: /^Werkzeug\/[\d.]+/,
        proves: 'identity',
        source: 'werkzeug/serving.py WSGIRequestHandler.server_version; ' + CORPUS,
      },
      {
        place: 'reason',
        pattern: /^[A-Z][A-Z ]+[A-Z]$/,
        proves: 'identity',
        source:
          'Werkzeug 2.x Response.status upper-cases the reason phrase ("501 NOT IMPLEMENTED"); ' + CORPUS,
      },
      {
        place: 'body',
        pattern: /<p>The server does not support the action requested by the browser\.<\/p>/,
        proves: 'authored',
        source: 'werkzeug/exceptions.py NotImplemented.description; ' + CORPUS,
      },
      {
        place: 'body',
        pattern: /^<!doctype html>\n<html lang=en>\n<title>\d{3} [^<]+<\/title>\n<h1>/,
        proves: 'authored',
        source: 'werkzeug/exceptions.py HTTPException.get_body; ' + CORPUS,
      },
    ],
  },
  {
    id: 'django',
    name: 'Django',
    kind: 'framework',
    roles: ['origin'],
    own501: ['app'],
    signals: [
      {
        place: 'server',
        pattern: /^WSGIServer\/[\d.]+ CPython\/[\d.]+/,
        proves: 'identity',
        source: 'Python wsgiref.simple_server (used by manage.py runserver); ' + CORPUS,
      },
      {
        place: 'header',
        header: 'x-frame-options',
        pattern: /^DENY$/,
        proves: 'identity',
        source:
          'Django XFrameOptionsMiddleware default since 3.0 (docs.djangoproject.com/en/stable/ref/clickjacking/); ' +
          CORPUS,
      },
      {
        place: 'header',
        header: 'referrer-policy',
        pattern: /^same-origin$/,
        proves: 'identity',
        source:
          'Django SECURE_REFERRER_POLICY default (docs.djangoproject.com/en/stable/ref/settings/#secure-referrer-policy); ' +
          CORPUS,
      },
    ],
  },
  {
    id: 'express',
    name: 'Express',
    kind: 'framework',
    roles: ['origin'],
    own501: ['app'],
    note: 'Express answers unknown methods with 404 (finalhandler); a 501 is res.status(501) or res.sendStatus(501) in the app.',
    signals: [
      {
        place: 'header',
        header: 'x-powered-by',
        pattern: /^Express$/,
        proves: 'identity',
        source: 'expressjs.com/en/api.html#app.settings.table ("x-powered-by" enabled by default); ' + CORPUS,
      },
      {
        place: 'body',
        pattern:
          /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error<\/title>\n<\/head>\n<body>\n<pre>/,
        proves: 'authored',
        source: 'finalhandler createHtmlDocument (used by Express for unhandled errors)',
      },
    ],
  },
  {
    id: 'fastify',
    name: 'Fastify',
    kind: 'framework',
    roles: ['origin'],
    own501: ['app'],
    signals: [
      // Fastify's default error serializer: {"statusCode":…,"error":"<reason>","message":"…"}; 404s say "Route X:/p not found".
      {
        place: 'body',
        pattern: /^\{"statusCode":\d{3},("code":"[^"]*",)?"error":"[^"]*","message":"[^"]*"\}$/,
        proves: 'authored',
        source:
          'fastify lib/error-serializer.js / reply.send(error) default shape (fastify.dev/docs/latest/Reference/Errors/); ' +
          CORPUS,
      },
      {
        place: 'body',
        pattern: /^\{"message":"Route [A-Z]+:\S+ not found","error":"Not Found","statusCode":404\}$/,
        proves: 'authored',
        source: 'fastify lib/fourOhFour.js',
      },
    ],
  },
  {
    id: 'koa',
    name: 'Koa (@koa/router)',
    kind: 'framework',
    roles: ['origin'],
    own501: ['method', 'app'],
    note: '@koa/router allowedMethods() answers 501 to a method no route implements, and 405 to one this path does not allow.',
    signals: [
      {
        place: 'body',
        pattern: /^Not Implemented$/,
        proves: 'identity',
        source:
          'koa lib/response.js (status set with no body → the status message); @koa/router README, router.allowedMethods()',
      },
    ],
  },
  {
    id: 'hapi',
    name: 'hapi',
    kind: 'framework',
    roles: ['origin'],
    own501: ['app'],
    signals: [
      {
        place: 'body',
        pattern: /^\{"statusCode":501,"error":"Not Implemented"(,"message":"[^"]*")?\}$/,
        proves: 'authored',
        source:
          '@hapi/boom Boom.notImplemented() payload (hapi.dev/module/boom/api/#notimplementedmessage-data)',
      },
    ],
  },
  {
    id: 'spring',
    name: 'Spring Boot',
    kind: 'framework',
    roles: ['origin'],
    own501: ['app'],
    signals: [
      {
        place: 'body',
        pattern: /^\{"timestamp":"[^"]+","status":\d{3},"error":"[^"]*"(,"[a-z]+":[^,}]*)*,"path":"[^"]*"\}$/,
        proves: 'authored',
        source:
          'Spring Boot DefaultErrorAttributes (docs.spring.io/spring-boot/reference/web/servlet.html#web.servlet.spring-mvc.error-handling)',
      },
      {
        place: 'body',
        pattern: /<h1>Whitelabel Error Page<\/h1>/,
        proves: 'authored',
        source: 'Spring Boot ErrorMvcAutoConfiguration whitelabel view',
      },
    ],
  },
  {
    id: 'aspnet',
    name: 'ASP.NET',
    kind: 'framework',
    roles: ['origin'],
    own501: ['app'],
    signals: [
      {
        place: 'header',
        header: 'x-powered-by',
        pattern: /^ASP\.NET$/,
        proves: 'identity',
        source:
          'IIS/ASP.NET default X-Powered-By (learn.microsoft.com/iis/configuration/system.webserver/httpprotocol/customheaders/)',
      },
      {
        place: 'header',
        header: 'x-aspnet-version',
        pattern: /^\d/,
        proves: 'identity',
        source: 'ASP.NET httpRuntime enableVersionHeader',
      },
      {
        place: 'server',
        pattern: /^Kestrel$/,
        proves: 'identity',
        source:
          'ASP.NET Core Kestrel AddServerHeader (learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/options)',
      },
      {
        place: 'body',
        pattern: /"type":"https:\/\/tools\.ietf\.org\/html\/rfc(7231#section-6\.6\.2|9110#section-15\.6\.2)"/,
        proves: 'authored',
        source:
          'ASP.NET Core ProblemDetails defaults for 501 (Microsoft.AspNetCore.Http ProblemDetailsDefaults)',
      },
    ],
  },
  {
    id: 'rails',
    name: 'Rails / Rack',
    kind: 'framework',
    roles: ['origin'],
    own501: ['app'],
    note: 'Rails answers unknown methods with 405 (ActionController::UnknownHttpMethod).',
    signals: [
      {
        place: 'header',
        header: 'x-runtime',
        pattern: /^\d+\.\d+$/,
        proves: 'identity',
        source: 'Rack::Runtime middleware (github.com/rack/rack, lib/rack/runtime.rb)',
      },
      {
        place: 'server',
        pattern: /^(Puma|WEBrick|thin|Unicorn|Passenger)/i,
        proves: 'identity',
        source: 'Ruby application servers set their own Server header',
      },
    ],
  },
  {
    id: 'php',
    name: 'PHP',
    kind: 'framework',
    roles: ['origin'],
    own501: ['app', 'method'],
    signals: [
      {
        place: 'header',
        header: 'x-powered-by',
        pattern: /^PHP\/[\d.]+/,
        proves: 'identity',
        source: 'php.ini expose_php (php.net/manual/en/ini.core.php#ini.expose-php)',
      },
    ],
  },
];
