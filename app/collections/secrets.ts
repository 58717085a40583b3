/**
 * Secret variable values. They are never written into the collection folder (DESIGN.md, "Collections"):
 * a variable marked `secret: true` has its value here, keyed by the collection root and environment.
 *
 * `FileSecretStore` keeps `<dataDir>/secrets.json` (mode 0600). With no cipher the values are plain
 * text protected by file permissions only (web mode and the CLI); Electron passes a `SecretCipher`
 * built on `safeStorage.encryptString`/`decryptString`, and values are then stored encrypted (base64).
 * A file written encrypted is never read back without the cipher: the store refuses rather than guess.
 */
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../common/result';
import { isErrno, writeAtomic } from './atomic';
import { serialized } from './lock';

/** Electron's safeStorage has exactly this shape (encryptString → Buffer, decryptString(Buffer) → string). */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

/** Whose secret: one collection, and within it either the collection's own variables or one environment's. */
export interface SecretScope {
  root: string;
  environment?: string;
}

export interface SecretStore {
  /** All values of a scope, for resolving variables. */
  values(scope: SecretScope): Promise<Result<Record<string, string>>>;
  /** Names only: the UI lists which secrets are set, never their values. */
  names(scope: SecretScope): Promise<Result<string[]>>;
  set(scope: SecretScope, name: string, value: string): Promise<Result<void>>;
  delete(scope: SecretScope, name: string): Promise<Result<{ deleted: boolean }>>;
}

export const SECRETS_FILE = 'secrets.json';
const FORMAT = 'statuscope/secrets@1';

const secretsFileSchema = z.object({
  format: z.literal(FORMAT),
  encrypted: z.boolean(),
  scopes: z.record(z.string(), z.record(z.string(), z.string())),
});
type SecretsFile = z.infer<typeof secretsFileSchema>;

/** The key of a scope in secrets.json: readable, so a user inspecting the file knows what is what. */
export function scopeKey(scope: SecretScope): string {
  return scope.environment === undefined ? `${scope.root}` : `${scope.root} :: env ${scope.environment}`;
}

export class FileSecretStore implements SecretStore {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly cipher?: SecretCipher,
  ) {
    this.file = path.join(dataDir, SECRETS_FILE);
  }

  private async read(): Promise<Result<SecretsFile>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (thrown) {
      if (isErrno(thrown, 'ENOENT'))
        return ok({ format: FORMAT, encrypted: this.cipher !== undefined, scopes: {} });
      throw thrown;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail('secrets.unreadable', `${this.file} is not valid JSON; it was left as it is.`, {
        detail: { path: this.file },
      });
    }
    const parsed = secretsFileSchema.safeParse(json);
    if (!parsed.success)
      return fail(
        'secrets.unreadable',
        `${this.file} does not look like a Statuscope secrets file; it was left as it is.`,
        { detail: { path: this.file } },
      );
    if (parsed.data.encrypted && !this.cipher) {
      return fail(
        'secrets.locked',
        `${this.file} is encrypted by the desktop app's keychain; open the desktop app or set STATUSCOPE_VAR_<name> instead.`,
      );
    }
    return ok(parsed.data);
  }

  private async write(data: SecretsFile): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, 0o600);
    // write-file-atomic keeps an existing file's mode; make sure a file created looser is tightened.
    await chmod(this.file, 0o600);
  }

  private encode(file: SecretsFile, value: string): string {
    return file.encrypted && this.cipher ? this.cipher.encrypt(value).toString('base64') : value;
  }

  private decode(file: SecretsFile, stored: string): string {
    return file.encrypted && this.cipher ? this.cipher.decrypt(Buffer.from(stored, 'base64')) : stored;
  }

  async values(scope: SecretScope): Promise<Result<Record<string, string>>> {
    const file = await this.read();
    if (!file.ok) return file;
    const entries = file.value.scopes[scopeKey(scope)] ?? {};
    const out: Record<string, string> = {};
    try {
      for (const [name, stored] of Object.entries(entries)) out[name] = this.decode(file.value, stored);
    } catch {
      return fail(
        'secrets.undecryptable',
        'A stored secret could not be decrypted (the OS keychain changed?). Set it again.',
      );
    }
    return ok(out);
  }

  async names(scope: SecretScope): Promise<Result<string[]>> {
    const file = await this.read();
    if (!file.ok) return file;
    return ok(Object.keys(file.value.scopes[scopeKey(scope)] ?? {}).sort());
  }

  async set(scope: SecretScope, name: string, value: string): Promise<Result<void>> {
    return serialized(this.file, async () => {
      const file = await this.read();
      if (!file.ok) return file;
      const key = scopeKey(scope);
      const data = file.value;
      // A plain file gains encryption as soon as a cipher is available: re-encode what is there.
      if (!data.encrypted && this.cipher) {
        const cipher = this.cipher;
        for (const entries of Object.values(data.scopes)) {
          for (const [n, v] of Object.entries(entries)) entries[n] = cipher.encrypt(v).toString('base64');
        }
        data.encrypted = true;
      }
      data.scopes[key] = { ...(data.scopes[key] ?? {}), [name]: this.encode(data, value) };
      await this.write(data);
      return ok(undefined);
    });
  }

  async delete(scope: SecretScope, name: string): Promise<Result<{ deleted: boolean }>> {
    return serialized(this.file, async () => {
      const file = await this.read();
      if (!file.ok) return file;
      const key = scopeKey(scope);
      const entries = file.value.scopes[key];
      if (!entries || !(name in entries)) return ok({ deleted: false });
      delete entries[name];
      if (Object.keys(entries).length === 0) delete file.value.scopes[key];
      await this.write(file.value);
      return ok({ deleted: true });
    });
  }
}

/** `STATUSCOPE_VAR_<name>` values from a process-like environment (CI supplies secrets this way). */
export const ENV_VAR_PREFIX = 'STATUSCOPE_VAR_';

export function variablesFromEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(ENV_VAR_PREFIX) && value !== undefined && key.length > ENV_VAR_PREFIX.length)
      out[key.slice(ENV_VAR_PREFIX.length)] = value;
  }
  return out;
}
