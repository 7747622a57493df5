// How a chapter file is named (`NN-<slug>.md`), and what a near miss meant.

export const CHAPTER_FILE = /^(\d{2})-(.+)\.md$/;
/** Near misses of a chapter name: one or three digits, `_` or a space for `-`, `.md.txt`, `.MD`. */
const NEAR_CHAPTER_FILE = /^0*(\d{1,2})\s*[-_ .]\s*(.+?)\.(md|markdown)(\.txt)?$/i;

/** The chapter name a misnamed file meant (`3-x.md` → `03-x.md`), or undefined. */
export function meantChapterName(name: string): { meant: string; number: number } | undefined {
  if (CHAPTER_FILE.test(name)) return undefined;
  const m = NEAR_CHAPTER_FILE.exec(name);
  if (!m || Number(m[1]) < 1) return undefined;
  const slug = m[2]!.trim().replace(/\s+/g, '-');
  return { meant: `${m[1]!.padStart(2, '0')}-${slug}.md`, number: Number(m[1]) };
}
