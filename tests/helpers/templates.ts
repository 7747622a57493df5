import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real PowerPoint templates no one on the team wrote: LibreOffice Impress's own presentation
 * templates (Debian's libreoffice-impress ships them as .otp), each turned into a .potx by
 * `soffice --headless --convert-to potx`, once per machine boot (kept in the temp folder under
 * a name of their own, beside the tests' `lectern-*` folders).
 */
export const OTP_DIR = '/usr/lib/libreoffice/share/template/common/presnt';
const CACHE = join(tmpdir(), 'potx-from-libreoffice');

export function libreOfficeTemplate(name: string): string {
  const potx = join(CACHE, `${name}.potx`);
  if (existsSync(potx)) return potx;
  mkdirSync(CACHE, { recursive: true });
  const profile = `-env:UserInstallation=file://${join(CACHE, 'profile')}`;
  execFileSync(
    'soffice',
    [profile, '--headless', '--convert-to', 'potx', '--outdir', CACHE, join(OTP_DIR, `${name}.otp`)],
    {
      stdio: 'ignore',
      timeout: 120_000,
    },
  );
  if (!existsSync(potx)) throw new Error(`soffice did not convert ${name}.otp`);
  return potx;
}

/** Puts a template into the deck folder as brand/company.potx (or `as`) and names it in deck.md. */
export function useTemplate(deck: string, source: string, as = 'brand/company.potx'): void {
  mkdirSync(join(deck, 'brand'), { recursive: true });
  copyFileSync(source, join(deck, as));
}
