import { ExitCode, LecternError } from '../core/errors.js';
import { error, formatProblem, type Problem } from '../core/problem.js';
import type { Reporter } from './report.js';

export { runBuild } from './build-command.js';

// Each command loads its own modules when it runs: an unchanged rebuild should not pay for
// loading Marp, and `new` should not pay for the browser.

export async function runCheck(
  o: { deck: string; cwd: string; json: boolean; debug: boolean; chapters?: string },
  reporter: Reporter,
): Promise<number> {
  try {
    const { checkDeck } = await import('../check/check-deck.js');
    const result = await checkDeck(o.deck, o.cwd, { chapters: o.chapters });
    if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      reporter.problems(result.findings);
      process.stdout.write(`${result.errors} error(s), ${result.warnings} warning(s) in ${result.deck}\n`);
    }
    return result.errors > 0 ? 3 : 0;
  } catch (err) {
    if (o.json && err instanceof LecternError) {
      // A deck refused after validation (its rendered slides, its theme) lists its problems, each with file:line.
      const findings: Problem[] =
        err.problems.length > 0
          ? [...err.problems]
          : [error(err.finding, { file: err.file ?? o.deck, line: err.line }, err.message, err.hint)];
      const errors = findings.filter((f) => f.severity === 'error').length;
      process.stdout.write(
        `${JSON.stringify({ deck: o.deck, errors, warnings: findings.length - errors, findings }, null, 2)}\n`,
      );
      return err.exitCode;
    }
    return reporter.fail(err, o.debug);
  }
}

export async function runDev(
  o: { deck: string; port: string; hostAllow?: string; cwd: string; debug: boolean },
  reporter: Reporter,
): Promise<number> {
  try {
    const port = Number(o.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new LecternError(`--port must be a number from 0 to 65535, not ${o.port}`, {
        exit: 'USAGE',
        hint: 'e.g. --port 8080',
      });
    }
    const { startDevServer } = await import('../dev/dev-server.js');
    const server = await startDevServer({
      deck: o.deck,
      port,
      cwd: o.cwd,
      hostAllow: (o.hostAllow ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
      onEvent: (e) => {
        const time = new Date().toLocaleTimeString();
        if (e.type === 'rebuilt') {
          process.stderr.write(`[${time}] ${e.slides} slides (${Math.round(e.ms)} ms)\n`);
          for (const w of e.warnings) process.stderr.write(`${formatProblem(w)}\n`);
        } else if (e.type === 'fit') {
          process.stderr.write(
            e.problems.length
              ? `[${time}] ${new Set(e.problems.map((p) => p.slide)).size} slide(s) do not fit; the page outlines them in red:\n${e.problems.map(formatProblem).join('\n')}\n`
              : `[${time}] every slide fits again\n`,
          );
        } else {
          process.stderr.write(
            `[${time}] the deck has errors; the page shows them:\n${e.problems.join('\n')}\n`,
          );
        }
      },
    });
    process.stdout.write(`lectern dev: ${server.url} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    process.stderr.write('lectern dev: stopped\n');
    return 0;
  } catch (err) {
    return reporter.fail(err, o.debug);
  }
}

export async function runNew(
  o: { dir: string; title?: string; chapters: string; cwd: string },
  reporter: Reporter,
): Promise<number> {
  try {
    const { newDeck } = await import('../scaffold/new-deck.js');
    const files = await newDeck({ dir: o.dir, title: o.title, chapters: Number(o.chapters), cwd: o.cwd });
    for (const f of files) process.stdout.write(`  created ${f}\n`);
    // A command that runs as printed: through npx, the folder quoted when the shell would split it.
    const dir = /^[\w./@+-]+$/.test(o.dir) ? o.dir : `'${o.dir.replace(/'/g, `'\\''`)}'`;
    process.stdout.write(
      `next: write your slides in ${dir}, then: npx lectern check ${dir} && npx lectern build ${dir}\n`,
    );
    return 0;
  } catch (err) {
    return reporter.fail(err, false);
  }
}

export async function runImport(
  o: { source: string; out?: string; split?: string; cwd: string; debug: boolean },
  reporter: Reporter,
): Promise<number> {
  try {
    const { importDeck } = await import('../import/import-deck.js');
    const summary = await importDeck({ source: o.source, out: o.out, split: o.split, cwd: o.cwd });
    const print = (line: string) => process.stdout.write(`${line}\n`);
    print(
      `imported ${o.source} into ${summary.folder}: ${summary.slides} slides in ${summary.chapters.length} chapters and the review, ${summary.imagesCopied} image(s) copied into assets/`,
    );
    for (const c of summary.chapters) print(`  ${c.file}  ${c.slides} slide(s)  ${c.title}`);
    if (summary.toDo.length) {
      print('needs your hand:');
      for (const item of summary.toDo) print(`  - ${item}`);
    }
    if (summary.downloads.length) {
      // The deck is whole but for these files: its build names each missing image until they are there.
      process.stderr.write(
        `${summary.folder}: ${summary.downloads.length} web image(s) to download before the deck builds (lectern never fetches anything):\n`,
      );
      for (const d of summary.downloads) process.stderr.write(`  ${d.command}\n`);
      return ExitCode.INVALID_DECK;
    }
    print(`next: lectern check ${summary.folder} && lectern build ${summary.folder}`);
    return 0;
  } catch (err) {
    return reporter.fail(err, o.debug);
  }
}
