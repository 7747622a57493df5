import { readFile } from 'node:fs/promises';
import { presenterTimers } from './presenter-timers.js';
import { slideAnnouncer } from './slide-announcer.js';
import { quizReveal } from './quiz-reveal.js';
import { controlLabels } from './control-labels.js';
import { deckLabels, type LabelOverrides } from '../../core/label-overrides.js';
import type { ComposedDeck } from '../../compose/compose-deck.js';
import { LecternError } from '../../core/errors.js';
import { consoleCaptured } from '../../core/console-capture.js';
import { MARP_OPTIONS } from '../../engine/marp-options.js';
import type { DiagramSvgs } from '../../engine/diagram-fence.js';
import { fileURLToPath } from 'node:url';
import { FONT_FAMILY } from '../../fonts/embedded-font.js';
import type { DeckTheme } from '../../theme/deck-theme.js';
import { cannotWrite, WRITE_FAILURES, type Staging } from '../output/staging.js';
import { join } from 'node:path';

/**
 * The bespoke HTML through marp-cli: keyboard navigation, presenter view with notes, next
 * slide and timer. Images and fonts are already data: URIs, so the file is self-contained.
 */
export async function writeHtml(
  composed: ComposedDeck,
  theme: DeckTheme,
  staging: Staging,
  fileName: string,
  /** The deck's language and deck.md's `labels:`, for the words the page's scripts write. */
  deck: { lang: string; labels?: LabelOverrides },
  diagrams: DiagramSvgs = {},
): Promise<void> {
  const { lang } = deck;
  // marp-cli's inputs go beside the output: when they cannot be written, the HTML cannot be either.
  const inputs = await Promise.all([
    staging.write('deck.md', composed.markdown),
    // The engine module reads the diagrams' drawings from the options marp-cli passes it.
    staging.write(
      'marp.config.json',
      JSON.stringify({
        options: { ...MARP_OPTIONS, ...(Object.keys(diagrams).length ? { lecternDiagrams: diagrams } : {}) },
      }),
    ),
    // The font faces go into the page afterwards (below): through marp-cli's theme processing
    // their 400 KB of base64 cost a quarter of a second.
    ...theme.css.map((css, i) => staging.write(`theme-${i}.css`, css)),
  ]).catch((err: unknown) => {
    throw cannotWrite(join(staging.outDir, fileName), err instanceof LecternError ? err.cause : err);
  });
  const [md, config, ...themes] = inputs as [string, string, ...string[]];
  const engine = fileURLToPath(new URL('../../engine/html-engine.js', import.meta.url));
  const args = [
    md,
    '--config-file',
    config,
    '--engine',
    engine,
    '--theme-set',
    ...themes,
    '--bespoke.progress',
    '--output',
    staging.path(fileName),
  ];
  const { code, messages } = await marpCliQuietly(args).catch((err: unknown) => {
    // marp-cli writes the file itself and throws on some write errors (a full disk).
    if (WRITE_FAILURES.test(String(err))) throw cannotWrite(join(staging.outDir, fileName), err);
    throw err;
  });
  if (code !== 0) {
    // marp-cli writes the file itself: a full disk shows only in its messages.
    const write = messages.find((m) => WRITE_FAILURES.test(m));
    if (write) throw cannotWrite(join(staging.outDir, fileName), new Error(write));
    throw new LecternError(`marp-cli could not write the HTML (exit ${code})`, {
      exit: 'INTERNAL',
      hint: messages.join('\n') || 'run with --debug for details',
    });
  }
  // Exercise timers, chapter time, the quizzes' reveal and the controls' words join marp-cli's page at its end, after its own script;
  // the font faces and the presenter view's font go into its head.
  const page = await readFile(staging.path(fileName), 'utf8');
  const end = page.lastIndexOf('</body>');
  if (end < 0)
    throw new LecternError('marp-cli wrote an HTML page without </body>', {
      exit: 'INTERNAL',
      hint: 'run with --debug for details',
    });
  const scripts =
    presenterTimers(composed, lang) +
    quizReveal(composed, lang) +
    slideAnnouncer(composed, lang) +
    controlLabels(deckLabels(deck));
  const withTimers = page.slice(0, end) + scripts + page.slice(end);
  await staging.write(
    fileName,
    withTimers.replace('</head>', () => `<style>${theme.fontCss}\n${PRESENTER_FONT}</style></head>`),
  );
}

/**
 * marp-cli's presenter view and on-screen controls name only Helvetica and Arial: on a machine
 * without a Chinese system font the notes showed as boxes. The deck's embedded faces, whose
 * subset holds the notes' characters too, come after them.
 */
// !important: marp-cli's own rules are more specific and may come later in the file.
const PRESENTER_FONT = `.bespoke-marp-presenter-container, .bespoke-marp-osc { font-family: Helvetica, Arial, '${FONT_FAMILY}', sans-serif !important; }`;

/** marp-cli on this thread; its console output is collected, since core code does not print. */
async function marpCliQuietly(args: string[]): Promise<{ code: number; messages: string[] }> {
  const { marpCli } = await import('@marp-team/marp-cli');
  const messages: string[] = [];
  const code = await consoleCaptured(
    () => marpCli(args),
    (line) => messages.push(line),
  );
  return { code, messages };
}
