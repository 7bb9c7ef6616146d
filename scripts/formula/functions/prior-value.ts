/** Functions about the change being saved: ISCHANGED, PRIORVALUE, ISNEW, ISCLONE. */
import type { TNode } from '../typed-ast.ts';
import { helpPage, param, type CallCheck, type FunctionSpec } from './spec.ts';

/** ISCHANGED and PRIORVALUE read one field of the record itself, as it was before the change. */
function priorField(call: CallCheck): TNode {
  if (!call.isOwnField(0)) {
    throw call.error(
      'type',
      `${call.name}() takes a field of the ${call.rootObject} record, e.g. ${call.name}(StageName)`,
      call.args[0],
    );
  }
  return call.prior(0);
}

export const PRIOR_VALUE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'ISCHANGED',
    category: 'advanced',
    summary: 'TRUE when the field’s value changed in this save.',
    params: [param('field', 'any', { picklist: true })],
    returns: 'Checkbox',
    blanks: 'never',
    blankNote: 'Blank to a value counts as a change; blank to blank does not. FALSE when the record is created.',
    doc: helpPage('ISCHANGED'),
    example: { formula: 'ISCHANGED(StageName)', result: true },
    recordChange: true,
    check: (call) => {
      const prior = priorField(call);
      const current = call.node(0, { picklist: true });
      return call.result('Checkbox', [current, prior], false);
    },
    compile: (c) => `(ctx.prior == null ? false : ${c.arg(0)} !== ${c.arg(1)})`,
  },
  {
    name: 'PRIORVALUE',
    category: 'advanced',
    summary: 'The field’s value before this save (its current value when the record is created).',
    params: [param('field', 'any', { picklist: true })],
    returns: 'type of field',
    blanks: 'own',
    blankNote: 'Blank when the prior value was blank.',
    doc: helpPage('PRIORVALUE'),
    example: { formula: 'TEXT(PRIORVALUE(StageName))', result: 'Discovery' },
    recordChange: true,
    check: (call) => {
      const prior = priorField(call);
      return call.result(prior.type, [prior], prior.nullable);
    },
    compile: (c) => c.arg(0),
  },
  {
    name: 'ISNEW',
    category: 'advanced',
    summary: 'TRUE when the record is being created.',
    params: [],
    returns: 'Checkbox',
    blanks: 'never',
    doc: helpPage('ISNEW'),
    example: { formula: 'ISNEW()', result: false },
    recordChange: true,
    compile: () => `(ctx.isNew == null ? ctx.prior == null : ctx.isNew === true)`,
  },
  {
    name: 'ISCLONE',
    category: 'advanced',
    summary: 'TRUE when the record is being cloned.',
    params: [],
    returns: 'Checkbox',
    blanks: 'never',
    doc: helpPage('ISCLONE'),
    example: { formula: 'ISCLONE()', result: false },
    recordChange: true,
    compile: () => `(ctx.isClone === true)`,
  },
];
