/** Writes scripts/formula/FUNCTIONS.md from the function table: `node scripts/formula/functions/write-reference.ts`. */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { format } from 'prettier';
import { functionReference } from './reference.ts';

export const REFERENCE_FILE = new URL('../FUNCTIONS.md', import.meta.url);

/** The reference as it is committed: Prettier-formatted like every Markdown file of the project. */
export async function formattedReference(): Promise<string> {
  return format(functionReference(), { parser: 'markdown', singleQuote: true, printWidth: 120 });
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  await writeFile(REFERENCE_FILE, await formattedReference());
  console.log(`wrote ${REFERENCE_FILE.pathname}`);
}
