import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { LecternError } from '../core/errors.js';
import { makeFolder } from '../core/make-folder.js';
import { SCAFFOLD_PLACEHOLDERS as P } from '../core/labels.js';

export interface NewDeckOptions {
  dir: string;
  title?: string;
  chapters?: number;
  cwd?: string;
}

const MINUTES = 10;

/**
 * Scaffolds a deck folder to the outline: deck.md, N chapters and the review, each with one
 * example slide and notes, ready for `check` and `build`. Never writes into a non-empty folder.
 */
export async function newDeck(opts: NewDeckOptions): Promise<string[]> {
  const cwd = opts.cwd ?? process.cwd();
  const dir = resolve(cwd, opts.dir);
  const chapters = opts.chapters ?? 6;
  if (!Number.isInteger(chapters) || chapters < 1 || chapters > 98) {
    throw new LecternError(`--chapters must be a whole number from 1 to 98, not ${opts.chapters}`, {
      exit: 'USAGE',
      hint: 'e.g. lectern new my-course --chapters 4',
    });
  }
  const existing = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw new LecternError(`${opts.dir} is not a folder lectern can write into (${err.code})`, {
      exit: 'OUTPUT',
      file: opts.dir,
      hint: 'choose a new folder name',
    });
  });
  if (existing.length > 0) {
    throw new LecternError(`${opts.dir} is not empty; lectern new never overwrites files`, {
      exit: 'OUTPUT',
      hint: 'choose a new folder name, or empty this one first',
    });
  }
  const title = opts.title?.trim() || '新的培训课程';
  const files: [string, string][] = [['deck.md', deckFile(title, chapters)]];
  for (let n = 1; n <= chapters + 1; n++) {
    const review = n === chapters + 1;
    const label = String(n).padStart(2, '0');
    files.push([
      review ? `${label}-review.md` : `${label}-chapter-${n}.md`,
      chapterFile(review ? '总结回顾' : `第 ${n} 章`, review),
    ]);
  }
  try {
    await makeFolder(join(dir, 'assets'));
    for (const [name, text] of files) await writeFile(join(dir, name), text, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new LecternError(`cannot create the deck in ${opts.dir}: ${code}`, {
      exit: 'OUTPUT',
      file: opts.dir,
      hint: 'choose a folder you can write to (a read-only or full disk cannot hold the new deck)',
      cause: err,
    });
  }
  return files.map(([name]) => relative(cwd, join(dir, name)));
}

function deckFile(title: string, chapters: number): string {
  return `---
title: ${JSON.stringify(title)}
subtitle: ${P.fields.subtitle}
presenter: ${P.fields.presenter}
date: ${P.fields.date}
organization: ${P.fields.organization}
lang: zh-CN
chapters: ${chapters}
duration: ${MINUTES * (chapters + 1)}
agendaNotes: 介绍今天课程的结构和时间安排。
closingNotes: 感谢大家的参与，欢迎提问。
---

<!--
标题页的讲稿：欢迎学员，说明本次培训的目标。
-->
`;
}

function chapterFile(title: string, review: boolean): string {
  const slide = review ? '## 回顾与行动计划' : '## 本章的第一页';
  return `---
marp: true
theme: corporate
title: ${title}
minutes: ${MINUTES}
notes: 用一句话引出本章。
---

${slide}

- **第一个要点**
  ${P.point}
- **第二个要点**
  ${P.point}
- **第三个要点**
  ${P.point}

<!--
${P.notes}
互动：向学员提一个问题。
时间：约 ${MINUTES} 分钟
-->
`;
}
