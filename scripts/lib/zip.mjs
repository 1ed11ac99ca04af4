// Zips a folder the way Zendesk wants it: every file at its path relative to the folder (so
// manifest.json is at the zip root), forward slashes, file entries only. Entries are sorted and
// dated to a fixed moment so the same dist/ always gives byte-identical zips.
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { listFiles } from './walk.mjs';

const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

/**
 * @param {string} dir
 * @returns {Uint8Array}
 */
export function zipDirectory(dir) {
  /** @type {Record<string, [Uint8Array, { mtime: Date }]>} */
  const files = {};
  for (const file of listFiles(dir)) files[file.rel] = [readFileSync(file.abs), { mtime: FIXED_MTIME }];
  return zipSync(files, { level: 9 });
}
