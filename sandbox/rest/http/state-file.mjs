/** Saving the account state to the state file (atomically: write a temp file, then rename) and loading it. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** @returns {Promise<any|null>} the saved state, or null when there is none (or it is unreadable) */
export async function loadState(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error?.code !== 'ENOENT') console.error(`[sandbox] ignoring unreadable state file ${file}: ${error.message}`);
    return null;
  }
}

/**
 * Saves whenever asked, one write at a time; `persist(revision)` resolves once a save that includes
 * that revision is on disk, so an answered change survives a crash.
 * @param {string} file @param {() => any} getState
 */
export function createPersister(file, getState) {
  let saved = -1;
  let wanted = -1;
  /** @type {Promise<void>|null} */
  let running = null;
  const write = async (revision) => {
    const text = JSON.stringify(getState());
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, file);
    saved = Math.max(saved, revision);
  };
  return {
    /** @param {number} revision */
    async persist(revision) {
      wanted = Math.max(wanted, revision);
      while (saved < wanted) {
        if (!running) running = write(wanted).finally(() => (running = null));
        await running;
      }
    },
  };
}
