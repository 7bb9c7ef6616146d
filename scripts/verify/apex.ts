import { readFile } from 'node:fs/promises';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import * as prettier from 'prettier';
import type { Finding } from './findings.ts';

class CollectingListener extends ApexErrorListener {
  readonly errors: { line: number; column: number; message: string }[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push({ line, column, message });
  }
}

/** Apex must parse and be Prettier-clean (prettier-plugin-apex, the project's .prettierrc). */
export async function checkApex(files: readonly string[], displayPath: (file: string) => string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    if (file.endsWith('.trigger')) parser.triggerUnit();
    else parser.compilationUnit();
    for (const e of listener.errors) {
      findings.push({
        check: 'apex',
        location: `${displayPath(file)}:${e.line}:${e.column + 1}`,
        message: `syntax error: ${e.message}`,
      });
    }
    if (listener.errors.length) continue;
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    if (!(await prettier.check(source, options))) {
      findings.push({
        check: 'apex',
        location: displayPath(file),
        message: 'not Prettier-formatted (run `npm run prettier`)',
      });
    }
  }
  return findings;
}
