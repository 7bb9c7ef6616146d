/** Picklist functions: ISPICKVAL, INCLUDES, PICKLISTCOUNT (the few places picklist values may appear). */
import type { TNode } from '../typed-ast.ts';
import { typeLabel, type FormulaType } from '../types.ts';
import { TEXT, helpPage, param, type CallCheck, type FunctionSpec } from './spec.ts';

/** The first argument, which must be a picklist value of one of `kinds` (NULL is not). */
function picklistArg(call: CallCheck, kinds: readonly FormulaType[], expected: string): TNode {
  const p = call.node(0, { picklist: true });
  if (!kinds.includes(p.type)) {
    throw call.error(
      'type',
      `Incorrect parameter type for ${call.where}. Expected ${expected}, received ${typeLabel(p.type)}`,
      call.args[0],
    );
  }
  return p;
}

export const PICKLIST_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'ISPICKVAL',
    category: 'advanced',
    summary: 'TRUE when the picklist’s value is the given text (case-sensitive).',
    params: [param('picklist_field', ['Picklist'], { picklist: true }), param('text_literal', TEXT)],
    returns: 'Checkbox',
    blanks: 'never',
    blankNote: 'A blank picklist’s value is the empty text: ISPICKVAL(field, "") is TRUE.',
    doc: helpPage('ISPICKVAL'),
    example: { formula: 'ISPICKVAL(StageName, "Commercials")', result: true },
    check: (call) => {
      const p = picklistArg(call, ['Picklist'], 'Picklist');
      return call.result('Checkbox', [p, call.arg(1, TEXT)], false);
    },
    compile: (c) => `(${c.arg(0)} === ${c.arg(1)})`,
  },
  {
    name: 'INCLUDES',
    category: 'advanced',
    summary: 'TRUE when the multi-select picklist has the given value selected.',
    params: [param('multiselect_picklist_field', ['MultiPicklist'], { picklist: true }), param('text_literal', TEXT)],
    returns: 'Checkbox',
    blanks: 'never',
    blankNote: 'FALSE for a blank picklist or a blank text.',
    doc: helpPage('INCLUDES'),
    example: { formula: 'INCLUDES(Competitors__c, "Globex")', result: true },
    check: (call) => {
      const p = picklistArg(call, ['MultiPicklist'], 'Multi-Select Picklist');
      return call.result('Checkbox', [p, call.arg(1, TEXT)], false);
    },
    compile: (c) => `${c.helper('includes')}(${c.arg(0)}, ${c.arg(1)})`,
  },
  {
    name: 'PICKLISTCOUNT',
    category: 'advanced',
    summary: 'The number of values selected in a multi-select picklist.',
    params: [param('multiselect_picklist_field', ['MultiPicklist', 'Picklist'], { picklist: true })],
    returns: 'Number',
    blanks: 'never',
    blankNote: '0 for a blank picklist.',
    doc: helpPage('PICKLISTCOUNT'),
    example: { formula: 'PICKLISTCOUNT(Competitors__c)', result: 2 },
    check: (call) => {
      const p = picklistArg(call, ['MultiPicklist', 'Picklist'], 'Multi-Select Picklist');
      return call.result('Number', [p], false);
    },
    compile: (c) =>
      c.node(0).type === 'Picklist' ? `(${c.arg(0)} === '' ? 0 : 1)` : `${c.helper('picklistCount')}(${c.arg(0)})`,
  },
];
