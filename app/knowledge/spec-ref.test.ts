import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWellFormedRef, refUrl, rfcNumberOf } from './spec-ref';

describe('spec references', () => {
  it('given RFC sections and draft names, it accepts them', () => {
    for (const ref of [
      'RFC 9110 §15.6.2',
      'RFC 6585 §4',
      'RFC 3253 §12.6',
      'RFC 10008 §2',
      'RFC 9110 §B.1',
      'draft-ietf-httpbis-resumable-upload-05',
    ]) {
      assert.ok(isWellFormedRef(ref), ref);
    }
  });

  it('given sloppy citations, it rejects them', () => {
    for (const ref of [
      'RFC9110 §15.6.2',
      'RFC 9110 15.6.2',
      'RFC 9110 §',
      'RFC 9110 §15.',
      'rfc 9110 §1',
      'RFC 09110 §1',
      'draft-foo',
      '[RFC9110, Section 15.6.2]',
    ]) {
      assert.ok(!isWellFormedRef(ref), ref);
    }
  });

  it('given a section, it links to the RFC Editor anchor', () => {
    assert.equal(refUrl('RFC 9110 §15.6.2'), 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.2');
    assert.equal(
      refUrl('draft-ietf-httpbis-resumable-upload-05'),
      'https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-resumable-upload-05',
    );
    assert.equal(refUrl('nonsense'), null);
    assert.equal(rfcNumberOf('RFC 4918 §9.1'), 4918);
    assert.equal(rfcNumberOf('draft-ietf-x-y-01'), null);
  });
});
