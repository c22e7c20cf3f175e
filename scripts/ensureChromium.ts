/**
 * Makes sure Debian's Chromium is at /usr/bin/chromium before the browser tests (they never download
 * a browser), and poppler-utils for the print test's PDF checks. Installs them with apt-get when running as root on Debian; otherwise explains what to do.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM) || !existsSync('/usr/bin/pdftotext')) {
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian chromium for the browser tests …');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core poppler-utils',
      { stdio: 'inherit' },
    );
  } else {
    console.error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
}
