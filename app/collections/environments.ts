/**
 * Environments: `environments/<slug>.yaml` in the collection, each a named set of variables
 * (`local`, `staging`). Secret variables are written without their value; the value goes to the
 * SecretStore under the environment's name.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { fail, ok, type Result } from '../common/result';
import { environmentFileSchema, type EnvironmentFile } from '../contract/collection';
import { contentHash, writeAtomic } from './atomic';
import { loadYaml } from './files';
import { serialized } from './lock';
import { joinRel, resolveInside, slugify, uniqueName } from './paths';
import { conflict, splitSecrets, writeEdited, type Saved } from './store';
import { ENVIRONMENTS_DIR, isRequestFileName } from './tree';
import type { FileProblem } from './types';
import { toYamlText } from './yaml-file';

export interface LoadedEnvironment {
  path: string;
  name: string;
  hash: string;
  environment: EnvironmentFile;
}

export async function listEnvironments(
  root: string,
): Promise<Result<{ environments: LoadedEnvironment[]; problems: FileProblem[] }>> {
  const dir = await resolveInside(root, ENVIRONMENTS_DIR);
  if (!dir.ok) return dir;
  const names = await readdir(dir.value).catch(() => [] as string[]);
  const environments: LoadedEnvironment[] = [];
  const problems: FileProblem[] = [];
  for (const file of names.filter((n) => isRequestFileName(n) && !n.startsWith('.')).sort()) {
    const rel = joinRel(ENVIRONMENTS_DIR, file);
    const loaded = await loadYaml(root, rel, environmentFileSchema);
    if (!loaded.ok || loaded.value === undefined) continue;
    const { parsed, hash } = loaded.value;
    if (parsed.ok) environments.push({ path: rel, name: parsed.value.name, hash, environment: parsed.value });
    else problems.push(parsed.problem);
  }
  return ok({ environments, problems });
}

/** The environment with this name (names are what the UI and `--env` select by). */
export async function findEnvironment(root: string, name: string): Promise<Result<LoadedEnvironment>> {
  const all = await listEnvironments(root);
  if (!all.ok) return all;
  const found = all.value.environments.find((e) => e.name === name);
  if (found) return ok(found);
  const broken = all.value.problems.find(
    (p) => p.path === joinRel(ENVIRONMENTS_DIR, `${slugify(name)}.yaml`),
  );
  if (broken) {
    return fail(
      'collection.invalid-file',
      `${broken.path}:${broken.line}:${broken.column}: ${broken.reason}`,
      {
        detail: { path: broken.path, line: broken.line, column: broken.column },
      },
    );
  }
  const known = all.value.environments.map((e) => e.name);
  return fail(
    'environment.not-found',
    `There is no environment named ${JSON.stringify(name)}${known.length ? ` (there are: ${known.join(', ')})` : ''}.`,
    {
      detail: { name },
    },
  );
}

/**
 * Creates (no `relPath`) or updates an environment file. Returns the secret values the caller must put
 * in the SecretStore: they are stripped from what is written.
 */
export async function saveEnvironment(
  root: string,
  environment: EnvironmentFile,
  relPath: string | undefined,
  baseHash: string | undefined,
): Promise<Result<Saved & { secrets: Array<{ name: string; value: string }> }>> {
  return serialized(root, async () => {
    const { variables, secrets } = splitSecrets(environment.variables);
    const value = environmentFileSchema.parse({ ...environment, variables });
    if (relPath !== undefined) {
      if (
        !relPath.startsWith(`${ENVIRONMENTS_DIR}/`) ||
        relPath.slice(ENVIRONMENTS_DIR.length + 1).includes('/') ||
        !isRequestFileName(relPath)
      ) {
        return fail(
          'collection.reserved-path',
          `${relPath} is not an environment file (environments/<name>.yaml).`,
          { detail: { path: relPath } },
        );
      }
      const loaded = await loadYaml(root, relPath, environmentFileSchema);
      if (!loaded.ok) return loaded;
      if (loaded.value === undefined) {
        if (baseHash !== undefined) return conflict(relPath, undefined);
      } else {
        const saved = await writeEdited(loaded.value, environmentFileSchema, value, baseHash);
        return saved.ok ? ok({ ...saved.value, secrets }) : saved;
      }
    }
    const dir = await resolveInside(root, ENVIRONMENTS_DIR);
    if (!dir.ok) return dir;
    await mkdir(dir.value, { recursive: true });
    const taken = await readdir(dir.value);
    const rel =
      relPath ??
      joinRel(ENVIRONMENTS_DIR, uniqueName(slugify(environment.name) || 'environment', '.yaml', taken));
    const abs = await resolveInside(root, rel);
    if (!abs.ok) return abs;
    const text = toYamlText(environmentFileSchema, value);
    await writeAtomic(abs.value, text);
    return ok({ path: rel, hash: contentHash(text), changed: true, secrets });
  });
}

export async function deleteEnvironment(root: string, name: string): Promise<Result<{ path: string }>> {
  return serialized(root, async () => {
    const found = await findEnvironment(root, name);
    if (!found.ok) return found;
    const abs = await resolveInside(root, found.value.path);
    if (!abs.ok) return abs;
    await rm(abs.value);
    return ok({ path: found.value.path });
  });
}
