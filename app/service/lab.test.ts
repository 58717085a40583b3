import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { stopSharedLab } from '../lab/shared';
import { dispatch } from './dispatch';
import { createHandlers } from './index';
import { silentContext } from './types';

describe('lab operations', () => {
  after(() => stopSharedLab());

  it('given lab:start twice, it starts one lab and returns the same running one', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'statuscope-lab-'));
    try {
      const handlers = createHandlers({ dataDir, tempDir: dataDir });
      const first = await handlers['lab:start']({}, silentContext);
      const second = await dispatch(handlers, 'lab:start', {}, silentContext);
      assert.ok(first.ok && second.ok);
      assert.deepEqual(second.value, first.value);
      const info = first.value;
      assert.match(info.originUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(info.routes.length > 10);
      const res = await fetch(`${info.originUrl}/api/users/42`);
      assert.equal(res.status, 200);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("given lab:lessons, it returns the shipped lessons plus a teacher's from the data dir, and lists a broken file", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'statuscope-lab-'));
    try {
      await mkdir(join(dataDir, 'lessons'));
      await writeFile(
        join(dataDir, 'lessons', 'teapot.yaml'),
        [
          'schema: statuscope/lesson@1',
          'id: teapot',
          'title: Teapots',
          'order: 99',
          'summary: BREW is not HTTP.',
          'steps:',
          '  - title: Brew',
          '    instruction: Send BREW.',
          '    request: { via: proxy, method: BREW, path: /api/users/42 }',
          '    predict: { choices: [418, 501] }',
          '    expect: { status: 501, cause: proxy-originated }',
          '    explanation: The proxy does not know BREW.',
          'rule: { text: Unknown methods earn 501., rfc: [RFC 9110 §15.6.2] }',
          '',
        ].join('\n'),
      );
      await writeFile(join(dataDir, 'lessons', 'bad.yaml'), 'schema: nope\n');
      const handlers = createHandlers({ dataDir, tempDir: dataDir });
      assert.ok((await dispatch(handlers, 'lab:lessons', {}, silentContext)).ok);
      const result = await handlers['lab:lessons']({}, silentContext);
      assert.ok(result.ok);
      const value = result.value;
      assert.ok(value.lessons.some((l) => l.id === 'teapot'));
      assert.ok(value.lessons.some((l) => l.id === 'why-501'));
      assert.deepEqual(
        value.problems.map((p) => p.file),
        [join(dataDir, 'lessons', 'bad.yaml')],
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
