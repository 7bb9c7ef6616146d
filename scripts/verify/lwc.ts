import { readFile } from 'node:fs/promises';
import { ESLint } from 'eslint';
import { resolveFieldPath } from '../schema/resolve.ts';
import type { Schema } from '../schema/types.ts';
import type { Finding } from './findings.ts';

/** LWC must pass the project's ESLint config (@salesforce/eslint-config-lwc). */
export async function lintLwc(
  root: string,
  files: readonly string[],
  displayPath: (file: string) => string,
): Promise<Finding[]> {
  if (!files.length) return [];
  const eslint = new ESLint({ cwd: root });
  const results = await eslint.lintFiles([...files]);
  return results.flatMap((r) =>
    r.messages
      .filter((m) => m.severity === 2)
      .map((m) => ({
        check: 'lwc',
        location: `${displayPath(r.filePath)}:${m.line}:${m.column}`,
        message: `${m.message} (${m.ruleId ?? 'eslint'})`,
      })),
  );
}

/**
 * Every `@salesforce/schema/Object.Field` import names a field the model (or the standard
 * catalogue) defines, and every `@salesforce/apex/Class.method` import names a project class.
 */
export async function checkLwcReferences(
  files: readonly string[],
  schema: Schema,
  apexClasses: ReadonlySet<string>,
  displayPath: (file: string) => string,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const lines = source.split('\n');
    lines.forEach((text, i) => {
      const location = `${displayPath(file)}:${i + 1}`;
      for (const m of text.matchAll(/['"]@salesforce\/schema\/([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_.]+))?['"]/g)) {
        const [objectName, fieldPath] = [m[1]!, m[2]];
        const object = schema.object(objectName);
        if (!object)
          findings.push({
            check: 'references',
            location,
            message: `@salesforce/schema import names unknown object ${objectName}`,
          });
        else if (fieldPath && !resolveFieldPath(schema, objectName, fieldPath)) {
          findings.push({
            check: 'references',
            location,
            message: `@salesforce/schema import names unknown field ${objectName}.${fieldPath}`,
          });
        }
      }
      for (const m of text.matchAll(/['"]@salesforce\/apex\/([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)['"]/g)) {
        if (!apexClasses.has(m[1]!))
          findings.push({
            check: 'references',
            location,
            message: `@salesforce/apex import names unknown Apex class ${m[1]}`,
          });
      }
    });
  }
  return findings;
}
