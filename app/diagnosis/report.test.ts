import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainExchange } from './explain';
import { corpusCase, exchangeFromCase } from './testing/corpus';

describe('report for the API owner', () => {
  it('given a stub 501, it states the verdict, the evidence and the raw request and response as exchanged', () => {
    const text = explainExchange(exchangeFromCase(corpusCase('flask-stub-put'))).reportText;
    assert.match(text, /Most likely cause: endpoint-stub/);
    assert.match(text, /->/);
    assert.match(text, /--- request \(as sent\) ---\nPUT \/stub HTTP\/1\.1\n/);
    assert.match(text, /--- response \(as received\) ---\nHTTP\/1\.1 501 NOT IMPLEMENTED\n/);
    assert.match(text, /"error":"not_implemented"/);
  });
  it('given a non-501, it still explains the status but lists no cause', () => {
    const text = explainExchange(exchangeFromCase(corpusCase('flask-existing-put'))).reportText;
    assert.match(text, /^Response: 405/m);
    assert.doesNotMatch(text, /Most likely cause/);
  });
});
