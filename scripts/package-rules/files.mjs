// Whole-package rules: what may be in the zip at all. Sources: zendesk_apps_support
// validations/marketplace.rb (ZAS: symlink_in_zip), developer.zendesk.com "Uploading and installing
// a private app" (UP: "The file size limit of the zip file for a private app is 2 MB") and
// "Setting up new apps" (SU: manifest.json, translations/, assets/ are the app's files).
import { zipDirectory } from '../lib/zip.mjs';
import { listEntries } from '../lib/walk.mjs';
import { violation } from '../lib/violation.mjs';

/** @type {Record<string, import('../lib/violation.mjs').RuleInfo>} */
export const RULES = {
  'files/symlink': { summary: 'no symbolic links anywhere in the package', source: 'ZAS marketplace.rb symlink_in_zip' },
  'files/hidden': { summary: 'no dot-files, dot-folders or OS junk (.DS_Store, Thumbs.db, __MACOSX, editor backups)', source: 'this project\'s rule: they are never app files and can leak local data' },
  'files/layout': { summary: 'only manifest.json, requirements.json, translations/ and assets/ at the top level', source: 'SU "File requirements"; Zendesk serves pages only from assets/' },
  'files/source-maps': { summary: 'no .map files unless --allow-source-maps', source: 'this project\'s rule: Zendesk accepts .map (Styles and assets) but it would publish the original source' },
  'files/zip-size': { summary: 'the zip is at most 2 MB', source: 'UP "The file size limit of the zip file for a private app is 2 MB"' },
};

export const MAX_ZIP_BYTES = 2 * 1024 * 1024;
const TOP_LEVEL = ['manifest.json', 'requirements.json', 'translations', 'assets'];
const JUNK_NAMES = /^(Thumbs\.db|ehthumbs\.db|desktop\.ini|__MACOSX|Icon\r|npm-debug\.log.*|.*~|.*\.swp|.*\.orig)$/i;

/**
 * @param {string} dir
 * @param {{ allowSourceMaps?: boolean }} [options]
 * @returns {string[]}
 */
export function check(dir, options = {}) {
  const out = [];
  /** @type {string[]} paths under a folder already reported, so one bad folder is one line */
  const reported = [];
  for (const entry of listEntries(dir)) {
    if (reported.some((p) => entry.rel.startsWith(`${p}/`))) continue;
    const name = entry.rel.split('/').pop() ?? entry.rel;
    if (entry.kind === 'symlink') {
      out.push(violation('files/symlink', entry.rel, 'is a symbolic link; Zendesk refuses symlinks in the zip'));
    } else if (name.startsWith('.') || JUNK_NAMES.test(name)) {
      out.push(violation('files/hidden', entry.rel, `${entry.kind === 'dir' ? 'hidden/OS folder' : 'hidden/OS file'}; not part of the app`));
      if (entry.kind === 'dir') reported.push(entry.rel);
    } else if (!entry.rel.includes('/') && !TOP_LEVEL.includes(entry.rel)) {
      out.push(violation('files/layout', entry.rel, `not an app file; the top level may hold only ${TOP_LEVEL.join(', ')}`));
      if (entry.kind === 'dir') reported.push(entry.rel);
    } else if (entry.kind === 'other') {
      out.push(violation('files/layout', entry.rel, 'is not a regular file'));
    } else if (entry.kind === 'file' && /\.map$/i.test(name) && !options.allowSourceMaps) {
      out.push(violation('files/source-maps', entry.rel, 'source map in the package (pass --allow-source-maps to ship it)'));
    }
  }
  const size = zipDirectory(dir).length;
  if (size > MAX_ZIP_BYTES) {
    const biggest = listEntries(dir).filter((e) => e.kind === 'file').sort((a, b) => b.size - a.size).slice(0, 3)
      .map((e) => `${e.rel} ${(e.size / 1024).toFixed(0)} KB`).join(', ');
    out.push(violation('files/zip-size', '(zip)', `${(size / 1048576).toFixed(2)} MB exceeds Zendesk's 2 MB limit; largest files: ${biggest}`));
  }
  return out;
}
