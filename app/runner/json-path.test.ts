import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookupJsonPath, parseJsonPath } from './json-path';

const DOC = {
  data: { items: [{ id: 7, tags: ['a', 'b'] }, { id: 8 }], 'content-type': 'x', "it's": 1 },
  n: null,
};

function get(path: string): unknown {
  const parsed = parseJsonPath(path);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  const found = lookupJsonPath(DOC, parsed.value);
  return found.found ? found.value : `(missing at ${found.missingAt})`;
}

describe('JSON path subset', () => {
  it('given members, indexes and quoted names, it finds the value', () => {
    assert.deepEqual(get('$'), DOC);
    assert.equal(get('$.data.items[0].id'), 7);
    assert.equal(get('$.data.items[-1].id'), 8);
    assert.equal(get('$.data.items[0].tags[1]'), 'b');
    assert.equal(get("$.data['content-type']"), 'x');
    assert.equal(get('$.data["content-type"]'), 'x');
    assert.equal(get("$.data['it\\'s']"), 1);
    assert.equal(get('$.n'), null);
  });

  it('given a path to nothing, it names the first step that is missing', () => {
    assert.equal(get('$.data.items[5].id'), '(missing at $.data.items[5])');
    assert.equal(get('$.data.nope.id'), '(missing at $.data.nope)');
    assert.equal(get('$.data.items.id'), '(missing at $.data.items.id)');
    assert.equal(get('$.constructor'), '(missing at $.constructor)', 'own members only');
  });

  it('given a path outside the subset, it refuses with the position', () => {
    for (const bad of ['data.id', '$..id', '$.items[*]', "$['open", '$.1st', '$[1.5]', '$ .a']) {
      const parsed = parseJsonPath(bad);
      assert.equal(parsed.ok, false, bad);
      assert.match(parsed.ok ? '' : parsed.error.message, /position \d+/);
    }
  });
});
