/**
 * The dataset contract of docs/dataset-format.md as a list of issues, for tests and `data check
 * --strict`: the same checks `data check` and the loader run (validate.ts), with a dataset that
 * cannot be read reported as one more issue instead of thrown.
 */
import type { RevOpsModel } from '../dsl/index.ts';
import { DatasetError } from './errors.ts';
import { validateDataset } from './validate.ts';

export interface FormatIssue {
  readonly file: string;
  readonly line?: number;
  readonly problem: string;
}

export async function verifyDatasetFormat(dir: string, model: RevOpsModel, limit = 100): Promise<FormatIssue[]> {
  try {
    const { problems } = await validateDataset(dir, { model, maxProblems: limit });
    return problems.map((p) => ({
      file: p.file,
      line: p.line,
      problem: `${p.field ? `${p.field} ` : ''}${p.problem}`,
    }));
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    return [{ file: e.file, line: e.line, problem: e.message.slice(e.message.indexOf(': ') + 2) }];
  }
}
