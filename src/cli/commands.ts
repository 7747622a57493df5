import { build } from '../build.js';
import { LecternError } from '../errors.js';
import { parseFormats } from '../formats.js';
import { checkDeck } from '../check/check-deck.js';
import type { Reporter } from './report.js';

export async function runBuild(o: { deck: string; out: string; format: string; cwd: string; debug: boolean }, reporter: Reporter): Promise<number> {
  try {
    const result = await build({ deck: o.deck, out: o.out, formats: parseFormats(o.format), cwd: o.cwd, onProgress: (e) => reporter.progress(e) });
    reporter.problems(result.warnings);
    reporter.outputs(result.outputs, result.slides);
    return 0;
  } catch (err) {
    return reporter.fail(err, o.debug);
  }
}

export async function runCheck(o: { deck: string; cwd: string; json: boolean; debug: boolean }, reporter: Reporter): Promise<number> {
  try {
    const result = await checkDeck(o.deck, o.cwd);
    if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      reporter.problems(result.findings);
      process.stdout.write(`${result.errors} error(s), ${result.warnings} warning(s) in ${result.deck}\n`);
    }
    return result.errors > 0 ? 3 : 0;
  } catch (err) {
    if (o.json && err instanceof LecternError) {
      process.stdout.write(`${JSON.stringify({ deck: o.deck, errors: 1, warnings: 0, findings: [{ severity: 'error', code: err.code, file: err.file, line: err.line, message: err.message, hint: err.hint }] }, null, 2)}\n`);
      return err.exitCode;
    }
    return reporter.fail(err, o.debug);
  }
}
