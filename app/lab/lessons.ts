/**
 * Lessons are YAML files (docs/lessons.md): the shipped ones in app/lab/lessons/, and a teacher's own in
 * any folder the caller adds. Each file is parsed on its own; a broken file is reported with its path and
 * line and the others still load.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { LabInfo, Lesson, LessonProblem, LessonRequest } from '../contract/lab-ops';
import { lessonSchema } from '../contract/lab-ops';
import { err, messageOf, ok, type Result } from '../common/result';
import { sendToLab } from './lab-request';

/**
 * Where the shipped lessons live: beside this module when run from source (tsx), or in dist/lessons when
 * bundled to CommonJS (scripts/build-node.mjs copies them there; every bundle sits in dist/<entry>/).
 */
export function shippedLessonsDir(): string {
  if (process.env.STATUSCOPE_LESSONS_DIR) return process.env.STATUSCOPE_LESSONS_DIR;
  if (typeof __dirname === 'string') return join(__dirname, '..', 'lessons');
  return fileURLToPath(new URL('./lessons/', import.meta.url));
}

export function parseLesson(text: string, file: string): Result<Lesson, LessonProblem & { code: string }> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    return err({ code: 'lesson.yaml', file, line, message: `${file}:${line}: ${yamlError.message}` });
  }
  const parsed = lessonSchema.safeParse(doc.toJS());
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).filter(
    (p): p is string | number => typeof p === 'string' || typeof p === 'number',
  );
  // Point at the nearest node that exists in the file, so a missing field names its parent's line.
  let line: number | undefined;
  for (let n = path.length; n >= 0 && line === undefined; n--) {
    const node: unknown = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  const where = path.length > 0 ? ` at ${path.join('.')}` : '';
  return err({
    code: 'lesson.invalid',
    file,
    ...(line === undefined ? {} : { line }),
    message: `${file}${line === undefined ? '' : `:${line}`}: ${issue?.message ?? 'does not match the lesson format'}${where}`,
  });
}

/** Loads every `*.yaml` in the folders, in order; a missing folder is skipped (a teacher's may not exist yet). */
export async function loadLessons(
  dirs: readonly string[] = [shippedLessonsDir()],
): Promise<{ lessons: Lesson[]; problems: LessonProblem[] }> {
  const lessons: Lesson[] = [];
  const problems: LessonProblem[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
    } catch (thrown) {
      if (typeof thrown === 'object' && thrown !== null && 'code' in thrown && thrown.code === 'ENOENT')
        continue;
      problems.push({ file: dir, message: `Could not read the lesson folder: ${messageOf(thrown)}` });
      continue;
    }
    for (const name of names) {
      const file = join(dir, name);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (thrown) {
        problems.push({ file, message: messageOf(thrown) });
        continue;
      }
      const result = parseLesson(text, file);
      if (!result.ok) {
        const { code: _code, ...problem } = result.error;
        problems.push(problem);
        continue;
      }
      const earlier = seen.get(result.value.id);
      if (earlier !== undefined) {
        problems.push({
          file,
          message: `${file}: the lesson id "${result.value.id}" is already used by ${earlier}`,
        });
        continue;
      }
      seen.set(result.value.id, file);
      lessons.push(result.value);
    }
  }
  lessons.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return { lessons, problems };
}

/** The absolute URL a lesson request goes to on a running lab. */
export function lessonRequestUrl(lab: LabInfo, request: LessonRequest): string {
  const base = request.via === 'origin' ? lab.originUrl : lab.proxyUrl;
  return request.path === '*' ? base : `${base}${request.path}`;
}

/** Sends a lesson step's request to the lab as exact bytes and returns the status that came back. */
export async function runLessonRequest(lab: LabInfo, request: LessonRequest): Promise<Result<number>> {
  const base = request.via === 'origin' ? lab.originUrl : lab.proxyUrl;
  const result = await sendToLab(base, {
    method: request.method,
    path: request.path,
    headers: request.headers.map(({ name, value }) => [name, value] as [string, string]),
    body: request.body ?? null,
  });
  return result.ok ? ok(result.value.status) : result;
}
