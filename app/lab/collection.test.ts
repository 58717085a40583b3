import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collectionFileSchema, savedRequestSchema } from '../contract/collection';
import { labCollection } from './collection';
import { startLab, type Lab } from './lab';
import { sendToLab } from './lab-request';

describe('labCollection', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  it('given a running lab, it returns a collection that parses with the collection schemas and names the lab by variables', () => {
    const { collection, requests } = labCollection(lab);
    assert.deepEqual(collectionFileSchema.parse(collection), collection);
    assert.deepEqual(
      collection.variables.map((v) => [v.name, v.value]),
      [
        ['lab', lab.originUrl],
        ['labProxy', lab.proxyUrl],
      ],
    );
    assert.deepEqual(
      collection.order,
      requests.map((r) => r.file),
    );
    for (const { request } of requests) {
      // Not deepEqual: re-parsing fills `options` defaults (the schema's partial() keeps inner defaults).
      assert.ok(savedRequestSchema.safeParse(request).success, request.name);
      assert.match(request.url, /^\{\{(lab|labProxy)\}\}\//);
    }
  });

  it("given the variables substituted, each saved request is its route: same URL, and sending it yields the route's status", async () => {
    const { collection, requests } = labCollection(lab);
    const vars = new Map(collection.variables.map((v) => [v.name, v.value ?? '']));
    const byTitle = new Map(lab.routes.map((r) => [r.title, r]));
    assert.equal(requests.length, lab.routes.filter((r) => r.path !== '*').length);
    for (const { request } of requests) {
      const route = byTitle.get(request.name);
      assert.ok(route, request.name);
      const url = request.url.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars.get(name) ?? '');
      assert.equal(url, route.url);
      if (route.cause === 'misused-501') continue;
      const parsed = new URL(url);
      const headers: Array<[string, string]> = request.headers.map((h) => [h.name, h.value]);
      if (request.body.kind === 'text' && request.body.contentType !== undefined)
        headers.push(['Content-Type', request.body.contentType]);
      const res = await sendToLab(parsed.origin, {
        method: request.method,
        path: `${parsed.pathname}${parsed.search}`,
        headers,
        body: request.body.kind === 'text' ? request.body.text : null,
      });
      assert.ok(res.ok);
      const statusAssertion = request.assertions.find((a) => a.kind === 'status-equals');
      assert.equal(
        statusAssertion?.kind === 'status-equals' && statusAssertion.value,
        res.value.status,
        request.name,
      );
    }
  });
});
