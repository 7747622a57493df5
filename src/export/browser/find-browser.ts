import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { LecternError } from '../../core/errors.js';

const NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
  'brave-browser',
];
const FIXED: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google\\Chrome\\Application\\chrome.exe'),
    join(
      process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ),
  ],
};

const executable = (p: string) => {
  try {
    // A folder is "executable" too (it can be entered): only a file can be a browser.
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Finds a Chromium-family browser as marp-cli does: CHROME_PATH first, then installed Chrome, Chromium or Edge. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (executable(fromEnv)) return fromEnv;
    throw notFound(`CHROME_PATH points at ${fromEnv}, which is not an executable browser`);
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of dirs) {
      const p = join(dir, name);
      if (executable(p)) return p;
    }
  }
  const fixed = (FIXED[process.platform] ?? []).find(executable);
  if (fixed) return fixed;
  throw notFound('no Chromium, Chrome or Edge browser was found');
}

function notFound(message: string): LecternError {
  return new LecternError(message, {
    exit: 'BROWSER_NOT_FOUND',
    hint: 'PDF, handout, script and PPTX are printed by a Chromium-family browser. Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere install Chrome or set CHROME_PATH. `--format html` needs no browser.',
  });
}
