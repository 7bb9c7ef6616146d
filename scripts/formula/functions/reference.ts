/**
 * The function reference (scripts/formula/FUNCTIONS.md), generated from the function table: one
 * section per category, one row per function with its signature, what it does, how it treats
 * blank arguments, an example and a link to the Salesforce help page.
 */
import { EXAMPLE_NOW, EXAMPLE_PRIOR, EXAMPLE_RECORD } from './examples.ts';
import { FUNCTION_SPECS, UNSUPPORTED_FUNCTIONS } from './index.ts';
import { blanksOf, signatureOf } from './signature.ts';
import type { FunctionCategory, FunctionSpec } from './spec.ts';

const SECTIONS: readonly [FunctionCategory, string][] = [
  ['logical', 'Logical'],
  ['text', 'Text'],
  ['math', 'Math'],
  ['date', 'Date and time'],
  ['advanced', 'Advanced'],
];

/** Markdown (not yet Prettier-formatted) for every function in the table. */
export function functionReference(): string {
  const lines = [
    '# Formula functions',
    '',
    '<!-- Generated from scripts/formula/functions/ by `node scripts/formula/functions/write-reference.ts`; do not edit. -->',
    '',
    `The ${FUNCTION_SPECS.length} Salesforce formula functions this engine implements, from its function table`,
    '(`scripts/formula/functions/`, one entry per function). Where the engine and Salesforce differ, see',
    '[KNOWN_DIFFERENCES.md](KNOWN_DIFFERENCES.md).',
    '',
    `Examples are evaluated on an Opportunity with ${describe(EXAMPLE_RECORD)} (StageName before the change:`,
    `${JSON.stringify(EXAMPLE_PRIOR.StageName)}), at ${EXAMPLE_NOW} in GMT. Blank values show as \`null\`.`,
  ];
  for (const [category, title] of SECTIONS) {
    lines.push(
      '',
      `## ${title}`,
      '',
      '| function | signature and result | blank arguments | example |',
      '| --- | --- | --- | --- |',
    );
    for (const spec of FUNCTION_SPECS.filter((f) => f.category === category)) lines.push(row(spec));
  }
  lines.push(
    '',
    '## Not supported',
    '',
    'Using one of these is a positioned `unsupported` error, never a wrong answer:',
    [...UNSUPPORTED_FUNCTIONS].sort().join(', ') + '.',
    '',
  );
  return lines.join('\n');
}

function row(spec: FunctionSpec): string {
  const where = spec.recordChange ? ' Not in formula fields or default values.' : '';
  const name = `[${spec.name}](${spec.doc})`;
  const what = `${cell(code(signatureOf(spec)))}<br>${cell(spec.summary)}${where}`;
  const example = `${code(spec.example.formula)} → ${code(JSON.stringify(spec.example.result))}`;
  return `| ${name} | ${what} | ${cell(blanksOf(spec))} | ${cell(example)} |`;
}

const describe = (record: Readonly<Record<string, unknown>>): string =>
  Object.entries(record)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');

/** Inline code that may itself contain backticks. */
const code = (s: string): string => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

/** Table cells cannot hold a bare pipe. */
const cell = (s: string): string => s.replace(/\|/g, '\\|');
