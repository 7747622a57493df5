import type JSZip from 'jszip';
import type { Pptx } from './pptx-layouts.js';

// pptxgenjs builds its parts in a JSZip and offers them only as the archive's bytes, which the
// finishing passes then read back into a JSZip: for the course, the store (CRC-32 of 700 KB of
// XML in JavaScript) and the read cost the main thread a quarter of a second and gave back the
// same parts. The JSZip it built is taken instead, where it would write the archive.

interface Generating {
  generateAsync(this: JSZip, options: { type?: string }): Promise<unknown>;
}

/**
 * The output type asked of pptxgenjs, which passes it on as JSZip's `type` for the archive
 * alone (a chart's embedded workbook asks for base64): no JSZip type has this name.
 */
const PARTS = 'lectern-parts';
let patched = false;

/**
 * The parts of a presentation pptxgenjs writes, as the JSZip it holds them in (entries as
 * pptxgenjs added them, strings and buffers). Every other archive is written as usual.
 */
export async function pptxParts(pptx: Pptx): Promise<JSZip> {
  const { default: JSZipClass } = await import('jszip');
  if (!patched) {
    const proto = JSZipClass.prototype as unknown as Generating;
    const generate = proto.generateAsync;
    proto.generateAsync = function (this: JSZip, options) {
      return options?.type === PARTS ? Promise.resolve(this) : generate.call(this, options);
    };
    patched = true;
  }
  const zip = await pptx.write({ outputType: PARTS as 'nodebuffer' });
  if (!(zip instanceof JSZipClass)) throw new Error('pptxgenjs did not build its parts in a JSZip');
  return zip;
}
