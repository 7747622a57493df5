import { LecternError } from '../core/errors.js';
import { error, warning, type Problem } from '../core/problem.js';
import { LARGE_IMAGE_BYTES, type ImageAsset } from './load-images.js';
import { fitOnce } from './picture-book.js';
import { PICTURE_BOX } from './picture-fit.js';

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Puts into each raster asset what the outputs embed: the picture made to fit PICTURE_BOX (a
 * 12-megapixel phone photo of 10 MB becomes a JPEG of a few hundred KB), or the file itself
 * when it fits already. Run before composing, once per asset (an asset linked twice is one
 * object). Returns one line saying what was saved, and a warning for each picture that is still
 * over LARGE_IMAGE_BYTES after fitting.
 */
export async function fitPictures(assets: Map<string, ImageAsset>, deckFile: string): Promise<Problem[]> {
  const todo = [...new Set(assets.values())].filter((a) => a.mime !== 'image/svg+xml' && !a.fitted);
  const fits = await Promise.all(todo.map((a) => fitOnce(a.bytes, a.mime)));
  const problems: Problem[] = [];
  let shrunk = 0;
  let before = 0;
  let after = 0;
  todo.forEach((asset, i) => {
    const fit = fits[i]!;
    const use = asset.firstUse ?? { file: deckFile, line: 1, src: 'a picture' };
    if (!fit.ok) {
      // The load accepted it from the last build's verdict, but decoding it now failed.
      throw new LecternError(`image ${use.src} cannot be decoded; nothing was written`, {
        exit: 'INVALID_DECK',
        problems: [
          error(
            'image-damaged',
            use,
            `image ${use.src} is damaged (${fit.detail})`,
            're-export or download the picture again: the file is not whole',
          ),
        ],
      });
    }
    const { picture } = fit;
    if (picture.shrunk) {
      shrunk++;
      before += asset.bytes.length;
      after += picture.bytes.length;
    }
    Object.assign(asset, { mime: picture.mime, bytes: picture.bytes, fitted: true });
    if (picture.bytes.length > LARGE_IMAGE_BYTES) {
      problems.push(
        warning(
          'image-large',
          use,
          `image ${use.src} is ${MB(picture.bytes.length)}${picture.shrunk ? ' after fitting it to the slide' : ''}`,
          'compress it below 2 MB (a JPEG for photos): it is embedded in every output',
        ),
      );
    }
  });
  if (shrunk > 0) {
    problems.push(
      warning(
        'images-downscaled',
        { file: deckFile },
        `${shrunk} picture${shrunk === 1 ? '' : 's'} downscaled to fit ${PICTURE_BOX.width} × ${PICTURE_BOX.height} pixels, ${MB(before)} → ${MB(after)}`,
        `the files in the deck folder are unchanged; pictures at most ${PICTURE_BOX.width} × ${PICTURE_BOX.height} build faster`,
      ),
    );
  }
  return problems;
}
