// The e2e tests drive Debian's Chromium (never a downloaded browser). On a fresh Debian machine
// where we are root, install it; anywhere else, say exactly what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!process.env.CHROMIUM_PATH && isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('Chromium is missing: installing Debian\'s package (apt-get install chromium)…');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit' });
  if (existsSync(wanted)) process.exit(0);
}
console.error(`No Chromium at ${wanted}. Install it (Debian: sudo apt-get install -y chromium) or point CHROMIUM_PATH at a local Chrome.`);
process.exit(1);
