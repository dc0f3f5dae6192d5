import { ProblemError, type ProblemBody } from './ProblemError';

/** One refusal in a service's table: its HTTP status and title, plus whatever names it there (an EXEG code, a type suffix). */
export interface ProblemKind {
  status: number;
  title: string;
}

/**
 * The emulator's one problem builder: a service's table of refusals and how the service words
 * one (`bodyOf`) make the function its routes throw with, `problem(name, ...details)`. The Edge
 * Network (edgeProblem.ts) and the streaming inlet (inletProblem.ts) each give their table and
 * wording; the status always comes from the table.
 */
export function defineProblems<Table extends Record<string, ProblemKind>, Details extends unknown[]>(
  table: Table,
  bodyOf: (kind: Table[keyof Table], ...details: Details) => ProblemBody,
): (name: keyof Table, ...details: Details) => ProblemError {
  return (name, ...details) => {
    const kind = table[name]!;
    return new ProblemError(kind.status, bodyOf(kind, ...details));
  };
}
