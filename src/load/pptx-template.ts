import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { isInside } from '../core/path-within.js';
import { error, type Problem } from '../core/problem.js';
import type { PptxTemplate } from './template/template-model.js';
import { TemplateRefusal, readTemplate } from './template/read-template.js';

/** The largest template lectern reads: a real company template with its pictures is a few MB. */
export const TEMPLATE_LIMIT_BYTES = 100 * 1024 * 1024;

const MACRO = new Set(['.potm', '.pptm']);
const ACCEPTED = new Set(['.potx', '.pptx']);

/**
 * deck.md `pptxTemplate: brand/company.potx`, read when the deck is: the template, or the error
 * at that line that says why it cannot be built on (the build then writes nothing).
 */
export async function loadPptxTemplate(
  dir: string,
  value: unknown,
  deckFile: string,
  line: number,
): Promise<{ template?: PptxTemplate; problem?: Problem }> {
  const refuse = (message: string, hint: string) => ({
    problem: error('pptx-template', { file: deckFile, line }, `pptxTemplate ${message}`, hint),
  });
  if (typeof value !== 'string' || !value.trim())
    return refuse(
      'must be the path of a .potx or .pptx file in the deck folder',
      'e.g. pptxTemplate: brand/company.potx',
    );
  const name = value.trim();
  const ext = extname(name).toLowerCase();
  if (MACRO.has(ext))
    return refuse(
      `${name} is a macro-enabled file (${ext}): lectern does not pass macros on`,
      'save the template as a PowerPoint Template (.potx), which drops the macros',
    );
  if (!ACCEPTED.has(ext))
    return refuse(
      `${name} is not a .potx or .pptx file`,
      'save the template from PowerPoint as .potx (PowerPoint Template)',
    );
  const path = resolve(dir, name);
  const real = await realpath(path).catch(() => null);
  if (!real)
    return refuse(`${name} does not exist`, 'put the template in the deck folder, e.g. brand/company.potx');
  if (!isInside(await realpath(dir), real, { strict: true }))
    return refuse(`${name} lies outside the deck folder`, 'copy the template into the deck folder');
  const info = await stat(real);
  if (!info.isFile()) return refuse(`${name} is not a file`, 'name the .potx file itself');
  if (info.size > TEMPLATE_LIMIT_BYTES)
    return refuse(
      `${name} is ${(info.size / 1024 / 1024).toFixed(0)} MB, over the ${TEMPLATE_LIMIT_BYTES / 1024 / 1024} MB a template may be`,
      "compress the template's pictures (PowerPoint: File › Compress Pictures) and save it again",
    );
  const bytes = await readFile(real);
  const read = await readTemplate(bytes);
  if (read instanceof TemplateRefusal) return refuse(`${name} ${read.message}`, read.hint);
  return { template: { ...read, bytes, file: name, line } };
}
