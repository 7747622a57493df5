import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed lectern package: compiled code lives in dist/ (this file in dist/core/), themes/ beside dist/. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const THEMES_DIR = join(PACKAGE_ROOT, 'themes');
/**
 * What of the package a build reads or is lectern's source: outputs may lie in the package's
 * folder (the README's `npm run slides` writes out/ there), never in these.
 */
export const PACKAGE_FOLDERS = ['themes', 'dist', 'node_modules', 'src'].map((f) => join(PACKAGE_ROOT, f));

/** lectern's own version, from its package.json (the build cache keys on it; --version prints it). */
export const LECTERN_VERSION = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
