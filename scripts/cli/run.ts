import { FormulaDataError, FormulaError } from '../formula/index.ts';
import { ModelError } from '../model/validate.ts';
import { ProjectError } from '../project.ts';
import { main, UsageError } from './main.ts';

/** Runs the CLI and turns known failures into a message and an exit code, never a stack trace. */
export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    if (error instanceof FormulaError || error instanceof FormulaDataError) {
      console.error(`revops formula: ${error.message}`);
      process.exitCode = 1;
    } else if (error instanceof UsageError) {
      console.error(`revops: ${error.message}`);
      process.exitCode = 2;
    } else if (error instanceof ModelError || error instanceof ProjectError) {
      console.error(`revops: ${error.message}`);
      process.exitCode = 1;
    } else if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`revops: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}
