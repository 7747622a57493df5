import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed lectern package: compiled code lives in dist/ (this file in dist/core/), themes/ beside dist/. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const THEMES_DIR = join(PACKAGE_ROOT, 'themes');
