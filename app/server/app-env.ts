/** Where Statuscope keeps its own state when no Electron `app.getPath('userData')` is available. */
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceEnv } from '../service/types';

export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  if (env.STATUSCOPE_DATA_DIR) return env.STATUSCOPE_DATA_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Statuscope');
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Statuscope');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'statuscope');
}

export function defaultServiceEnv(env: Record<string, string | undefined> = process.env, recordHistory = false): ServiceEnv {
  return { dataDir: defaultDataDir(env), tempDir: join(tmpdir(), `statuscope-bodies-${process.pid}`), recordHistory };
}
