/** Where GaitLens keeps its data: the same folder Electron names userData, unless told otherwise. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_DIR_ENV = 'GAITLENS_DATA_DIR';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env[DATA_DIR_ENV];
  if (override) return override;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'GaitLens');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'GaitLens');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'GaitLens');
}
