import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { lessonSchema } from '../contract/lab-ops';
import { startLab } from './lab';
import { loadLessons, parseLesson, runLessonRequest, shippedLessonsDir } from './lessons';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('lessons', () => {
  it('given every shipped lesson file, it matches the lesson schema', async () => {
    const files = (await readdir(shippedLessonsDir())).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 4);
    for (const file of files) {
      const parsed = lessonSchema.safeParse(parse(await readFile(join(shippedLessonsDir(), file), 'utf8')));
      assert.ok(parsed.success, `${file}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`);
    }
  });

  it('given the shipped folder, it loads the four required lessons in order, with RFC-cited rules', async () => {
    const { lessons, problems } = await loadLessons();
    assert.deepEqual(problems, []);
    const titles = lessons.map((l) => l.title);
    for (const title of ['Why did I get 501?', '405 or 501?', 'Which hop answered?', "Don't retry a 501"])
      assert.ok(titles.includes(title), title);
    assert.deepEqual(titles.slice(0, 4), [
      'Why did I get 501?',
      '405 or 501?',
      'Which hop answered?',
      "Don't retry a 501",
    ]);
    for (const lesson of lessons) assert.ok(lesson.rule.rfc.every((r) => r.startsWith('RFC ')));
  });

  it('given each shipped lesson run in order against a fresh lab, every step yields its expected status', async () => {
    const { lessons } = await loadLessons();
    for (const lesson of lessons) {
      // A fresh lab per lesson: the flaky report's turn-taking starts over, as for a learner alone.
      const lab = await startLab();
      try {
        for (const [i, step] of lesson.steps.entries()) {
          const status = await runLessonRequest(lab, step.request);
          assert.ok(status.ok, `${lesson.id} step ${i + 1}: ${status.ok ? '' : status.error.message}`);
          assert.equal(status.value, step.expect.status, `${lesson.id} step ${i + 1} (${step.title})`);
        }
      } finally {
        await lab.close();
      }
    }
  });

  it('given a lesson whose expected status is not a choice, it reports the file and the line of the choices', async () => {
    const file = join(FIXTURES, 'broken-choices.yaml');
    const result = parseLesson(await readFile(file, 'utf8'), file);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'lesson.invalid');
    assert.match(result.error.message, /predict\.choices must include expect\.status/);
    assert.equal(result.error.line, 13);
  });

  it('given a folder with broken files, it reports each with its line and still loads the good ones', async () => {
    const { lessons, problems } = await loadLessons([
      shippedLessonsDir(),
      FIXTURES,
      join(FIXTURES, 'does-not-exist'),
    ]);
    assert.ok(lessons.length >= 4);
    assert.equal(problems.length, 2);
    const yamlProblem = problems.find((p) => p.file.endsWith('broken-yaml.yaml'));
    assert.ok(yamlProblem?.line !== undefined && yamlProblem.line >= 3, JSON.stringify(yamlProblem));
  });

  it('given two files with the same lesson id, it keeps the first and reports the second', async () => {
    const { lessons, problems } = await loadLessons([shippedLessonsDir(), shippedLessonsDir()]);
    assert.equal(lessons.length, (await loadLessons()).lessons.length);
    assert.ok(problems.length >= 4 && problems.every((p) => /already used/.test(p.message)));
  });
});
