/**
 * What the seed-data library throws. Every error is an SfError (from its cheap sub-path, not the
 * @salesforce/core root) with a name the CLI and `--json` can key on, a one-line message naming
 * the file (and line) or the option and the problem, and actions saying what to do next.
 */
import { SfError } from '@salesforce/core/sfError';

export interface ErrorDetails {
  /** SfError name: what kind of problem it is (`DatasetManifestMissing`, `InvalidSeed`...). */
  readonly name?: string;
  readonly actions?: readonly string[];
  readonly cause?: unknown;
}

const causeOf = (cause: unknown) => (cause instanceof Error ? cause : undefined);

/** A dataset that cannot be read: names the file (and line) and the problem. */
export class DatasetError extends SfError {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, problem: string, line?: number, details: ErrorDetails = {}) {
    super(
      `${file}${line === undefined ? '' : `:${line}`}: ${problem}`,
      details.name ?? 'DatasetError',
      details.actions?.length ? [...details.actions] : undefined,
      causeOf(details.cause),
    );
    this.file = file;
    this.line = line;
  }
}

/** One thing wrong with a record, as `data check` and the loader's pre-flight report it. */
export interface RecordProblem {
  readonly kind:
    | 'unknown-field'
    | 'invalid-value'
    | 'missing-required'
    | 'duplicate-external-id'
    | 'unresolved-reference'
    | 'dependency-order';
  readonly file: string;
  /** A problem of a column (a field the model does not have) is reported on line 1. */
  readonly line?: number;
  readonly object: string;
  readonly externalId?: string;
  readonly field?: string;
  /** What is wrong, worded to follow the field name (`must be a number, got "lots"`). */
  readonly problem: string;
}

/** `file:line: Object EXT-1: Field problem`: one line a person can act on. */
export function describeProblem(p: RecordProblem): string {
  const where = `${p.file}${p.line === undefined ? '' : `:${p.line}`}`;
  const record = p.externalId ? `${p.object} ${p.externalId}` : p.object;
  return `${where}: ${record}: ${p.field ? `${p.field} ` : ''}${p.problem}`;
}

/** A dataset whose records break the model or the format: nothing of it may be loaded. */
export class DatasetInvalidError extends SfError {
  readonly dir: string;
  readonly problems: readonly RecordProblem[];
  readonly problemCount: number;
  constructor(dir: string, problems: readonly RecordProblem[], problemCount: number) {
    const first = problems[0];
    const more = problemCount > 1 ? ` (and ${problemCount - 1} more)` : '';
    super(
      `${dir}: ${problemCount} problem${problemCount === 1 ? '' : 's'} in the dataset${first ? `; first: ${describeProblem(first)}` : ''}${more}`,
      'DatasetInvalid',
      [
        `Run \`revops data check --dataset ${dir}\` to list every problem with its file, line and field`,
        'Fix the records, or regenerate the dataset with `revops data generate --out <dir>`',
      ],
    );
    this.dir = dir;
    this.problems = problems;
    this.problemCount = problemCount;
  }
}

/** An option value the library cannot use (`--seed abc`, `--anchor-date yesterday`); exit code 2, as a usage error. */
export class DataOptionError extends SfError {
  constructor(message: string, name: string, actions: readonly string[]) {
    super(message, name, [...actions], 2);
  }
}

/** Where `data generate` was told to write is not somewhere it may write a dataset. */
export class DatasetOutputError extends SfError {
  readonly path: string;
  constructor(path: string, problem: string, details: ErrorDetails) {
    super(
      `${path}: ${problem}`,
      details.name ?? 'DatasetOutputError',
      details.actions?.length ? [...details.actions] : undefined,
      causeOf(details.cause),
    );
    this.path = path;
  }
}
