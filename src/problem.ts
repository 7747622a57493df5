/** A finding about a deck: where it is, what is wrong and how to fix it. */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable machine-readable name, e.g. `chapter-missing`. */
  code: string;
  /** Path of the file as the user typed it (relative to the working directory where possible). */
  file: string;
  line?: number;
  /** 1-based slide number in the composed deck, where the problem is about one slide. */
  slide?: number;
  message: string;
  hint?: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const head = `${where}: ${p.severity}: ${p.message}`;
  return p.hint ? `${head}\n    hint: ${p.hint}` : head;
}

export const errorsOf = (ps: readonly Problem[]): Problem[] => ps.filter((p) => p.severity === 'error');
export const warningsOf = (ps: readonly Problem[]): Problem[] => ps.filter((p) => p.severity === 'warning');
