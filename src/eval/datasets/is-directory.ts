import { stat } from 'node:fs/promises';

/** True when `path` is a folder; false when it is a file or does not exist. */
export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
