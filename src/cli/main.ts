#!/usr/bin/env node
import { ownInterrupts } from './early-interrupt.js';
// The extra typings give each action its arguments and options typed from the declarations above it.
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { LECTERN_VERSION as version } from '../core/package-root.js';
import { ExitCode } from '../core/errors.js';
import { DEFAULT_FORMATS, FORMATS } from '../build/formats.js';
import { runBuild, runCheck, runDev, runImport, runNew } from './commands.js';
import { createReporter } from './report.js';

/** The command line: parses flags and calls one function per command. */
async function main(argv: string[]): Promise<number> {
  const cwd = process.cwd();
  let exit: number = ExitCode.OK;
  const program = new Command('lectern')
    .description(
      'Turns a folder of markdown training slides into HTML, PDF, handout, speaker script and PPTX through Marp.',
    )
    .version(version)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('build')
    .description('check the deck and write every output into the output folder')
    .argument(
      '[decks...]',
      'deck folder holding deck.md and NN-<slug>.md chapters (default slides); several folders build each into <out>/<folder name>/',
    )
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(
      new Option(
        '-f, --format <list>',
        `comma list of ${FORMATS.join(', ')}; all is ${DEFAULT_FORMATS.join(', ')}`,
      ).default('all'),
    )
    .option(
      '--chapters <list>',
      'a part-day session of some chapters: 02-04, 03 or 02,05; outputs are named <name>-ch02-04.*',
    )
    .option('--force', 'rebuild every output even if its inputs have not changed')
    .option('-q, --quiet', 'print only errors')
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (decks, o) => {
      const reporter = createReporter({ quiet: Boolean(o.quiet), cwd });
      exit = await runBuild(
        {
          decks: decks.length ? decks : ['slides'],
          out: o.out,
          format: o.format,
          cwd,
          debug: Boolean(o.debug),
          force: Boolean(o.force),
          chapters: o.chapters,
        },
        reporter,
      );
    });

  program
    .command('check')
    .description('validate the deck and report every problem, writing nothing')
    .argument('[deck]', 'deck folder', 'slides')
    .option('--json', 'print one JSON document with every finding')
    .option(
      '--chapters <list>',
      'check the part-day session of these chapters (02-04, 03, 02,05) as build would make it',
    )
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (deck, o) => {
      const reporter = createReporter({ quiet: false, cwd });
      exit = await runCheck(
        { deck, cwd, json: Boolean(o.json), debug: Boolean(o.debug), chapters: o.chapters },
        reporter,
      );
    });

  program
    .command('dev')
    .description('preview the deck in a browser; every save updates the open page')
    .argument('[deck]', 'deck folder', 'slides')
    .option('-p, --port <n>', 'port on 127.0.0.1 (0 picks a free one)', '8080')
    .option(
      '--host-allow <names>',
      'comma list of host names to answer besides localhost, 127.0.0.1 and [::1]',
    )
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (deck, o) => {
      ownInterrupts();
      const reporter = createReporter({ quiet: false, cwd });
      exit = await runDev(
        { deck, port: o.port, hostAllow: o.hostAllow, cwd, debug: Boolean(o.debug) },
        reporter,
      );
    });

  program
    .command('new')
    .description('create a deck folder to the outline: deck.md, chapters and the review')
    .argument('<dir>', 'folder to create (must be new or empty)')
    .option('-t, --title <title>', 'course title')
    .option('-c, --chapters <n>', 'chapters before the closing review', '6')
    .action(async (dir, o) => {
      const reporter = createReporter({ quiet: false, cwd });
      exit = await runNew({ dir, title: o.title, chapters: o.chapters, cwd }, reporter);
    });

  program
    .command('import')
    .description(
      'write a deck folder from one Marp markdown file: deck.md, a chapter per heading, the review, assets/',
    )
    .argument('<talk.md>', 'the Marp file to import (it is only read)')
    .option(
      '-o, --out <folder>',
      'deck folder to create (must be new or empty; default: the file name without .md)',
    )
    .option(
      '--split <how>',
      'a chapter at every h1 slide (default), every h1 or h2 slide (h2), or every N slides',
    )
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (source, o) => {
      const reporter = createReporter({ quiet: false, cwd });
      exit = await runImport({ source, out: o.out, split: o.split, cwd, debug: Boolean(o.debug) }, reporter);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : ExitCode.USAGE;
    throw err;
  }
  return exit;
}

// A reader that stops early (`lectern build … | head -1`) closes the pipe: what is left to print
// has nobody to read it, and the command's result and exit code stand.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
}

let settled = false;
// A command whose work waits on a promise nothing will settle would let Node end with exit 0
// and nothing written: say so, and fail, instead.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write(
    'lectern: internal error: the command stopped before it finished (a waiting step was never answered)\n' +
      '    hint: run it again with --debug and report the output\n',
  );
  process.exitCode = ExitCode.INTERNAL;
});

main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (err: unknown) => {
    settled = true;
    process.exitCode = createReporter({ quiet: false, cwd: process.cwd() }).fail(
      err,
      process.argv.includes('--debug'),
    );
  },
);
