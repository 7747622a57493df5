import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Faces for characters Noto Sans SC's simplified-Chinese file lacks, all from npm, each
 * shipped by @fontsource as slices with the unicode-range they cover:
 * - Noto Emoji, monochrome, so ✅ 👍 print in any PDF viewer;
 * - Noto Sans HK and JP, same design as SC, for CJK Extension B (𠮷, 𠀋: common in names),
 *   symbols such as → ① ☐ and traditional forms. HK covers about 1,700 Extension B
 *   characters, JP about 350 (𠮷 among them).
 * - Noto Sans Symbols 2 for the symbols the CJK faces' slices claim but lack, such as the
 *   ballot box ☐ of checklists; it has one weight, which serves bold too.
 */
export const FALLBACK_PACKAGES = [
  '@fontsource/noto-emoji',
  '@fontsource/noto-sans-hk',
  '@fontsource/noto-sans-jp',
  '@fontsource/noto-sans-symbols-2',
] as const;
type FallbackPackage = (typeof FALLBACK_PACKAGES)[number];

const require = createRequire(import.meta.url);

/** One slice file of a fallback face and the characters a deck needs from it. */
export interface FallbackSlice {
  pkg: FallbackPackage;
  /** `package/slice`, to leave a slice out of a second plan. */
  key: string;
  /** Slice file for a weight: …/files/noto-sans-jp-12-400-normal.woff2 */
  file: (weight: number) => string;
  chars: string[];
}

interface SliceRange {
  slice: string;
  ranges: [number, number][];
}

const slicesByPackage = new Map<FallbackPackage, SliceRange[]>();

/** The slices of a package with their unicode ranges, from its 400.css. */
function slicesOf(pkg: FallbackPackage): SliceRange[] {
  let slices = slicesByPackage.get(pkg);
  if (!slices) {
    const css = readFileSync(join(packageDir(pkg), '400.css'), 'utf8');
    slices = [
      ...css.matchAll(/url\(\.\/files\/([\w-]+?)-400-normal\.woff2\)[^;]*;\s*unicode-range:\s*([^;]+);/g),
    ].map((m) => ({
      slice: m[1] as string,
      ranges: (m[2] as string).split(',').map((r) => {
        const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(a as string, 16), parseInt((b ?? a) as string, 16)] as [number, number];
      }),
    }));
    slicesByPackage.set(pkg, slices);
  }
  return slices;
}

function packageDir(pkg: FallbackPackage): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

export function fallbackPackageVersions(): string {
  return FALLBACK_PACKAGES.map((p) => (require(`${p}/package.json`) as { version: string }).version).join(
    ' ',
  );
}

/** Emoji that are pictures by default are drawn from Noto Emoji first, even where a CJK face has a text form. */
const EMOJI = /\p{Extended_Pictographic}/u;

/**
 * Assigns each character the first fallback face that has it; what no face has is returned
 * as `unrendered`, for a warning instead of a silently missing character.
 */
export function planFallback(
  missing: readonly string[],
  /** Slices already tried (by key): their CSS range claimed a character their font lacks. */
  tried: ReadonlySet<string> = new Set(),
): { slices: FallbackSlice[]; unrendered: string[] } {
  const slices = new Map<string, FallbackSlice>();
  const unrendered: string[] = [];
  for (const ch of missing) {
    const cp = ch.codePointAt(0) as number;
    const order = EMOJI.test(ch)
      ? FALLBACK_PACKAGES
      : ([...FALLBACK_PACKAGES.slice(1), FALLBACK_PACKAGES[0]] as const);
    const found = order.flatMap((pkg) =>
      slicesOf(pkg)
        .filter((s) => !tried.has(`${pkg}/${s.slice}`) && s.ranges.some(([a, b]) => cp >= a && cp <= b))
        .map((s) => ({ pkg, s })),
    )[0];
    if (!found) {
      unrendered.push(ch);
      continue;
    }
    const key = `${found.pkg}/${found.s.slice}`;
    const dir = join(packageDir(found.pkg), 'files');
    const slice = slices.get(key) ?? {
      pkg: found.pkg,
      key,
      file: (w: number) => {
        const weighted = join(dir, `${found.s.slice}-${w}-normal.woff2`);
        return existsSync(weighted) ? weighted : join(dir, `${found.s.slice}-400-normal.woff2`);
      },
      chars: [],
    };
    slice.chars.push(ch);
    slices.set(key, slice);
  }
  return { slices: [...slices.values()], unrendered };
}
