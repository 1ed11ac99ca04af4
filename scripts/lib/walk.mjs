// Lists every entry under a folder WITHOUT following symlinks, so the package checks see
// exactly what a zip tool would be handed (a symlink is reported as such, never resolved).
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ rel: string, abs: string, kind: 'file' | 'dir' | 'symlink' | 'other', size: number }} Entry
 * `rel` always uses forward slashes, whatever the OS.
 */

/**
 * @param {string} root
 * @returns {Entry[]} sorted by `rel`
 */
export function listEntries(root) {
  /** @type {Entry[]} */
  const out = [];
  const visit = (/** @type {string} */ absDir, /** @type {string} */ relDir) => {
    for (const name of readdirSync(absDir)) {
      const abs = join(absDir, name);
      const rel = relDir ? `${relDir}/${name}` : name;
      const st = lstatSync(abs);
      const kind = st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
      out.push({ rel, abs, kind, size: st.size });
      if (kind === 'dir') visit(abs, rel);
    }
  };
  visit(root, '');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** @param {string} root @returns {Entry[]} regular files only */
export function listFiles(root) {
  return listEntries(root).filter((e) => e.kind === 'file');
}
