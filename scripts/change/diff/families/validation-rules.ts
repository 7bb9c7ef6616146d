/** Validation rules: the condition's tokens, whether it is active, its message and where it shows. */
import { describeFormulaChange, diffFormula } from '../formula-diff.ts';
import type { Describe, Detail } from '../types.ts';
import { textOf } from '../xml.ts';

const BLOCKS =
  "saves that meet the condition are blocked; `revops impact` counts the dataset's records it newly blocks or unblocks";

export const describeValidationRule: Describe = (c) => {
  if (c.change === 'deleted')
    return [{ kind: 'rule-deleted', text: 'rule deleted: the data it guarded is no longer checked' }];
  const active = textOf(c.after, 'active') === 'true';
  if (c.change === 'added')
    return [
      {
        kind: 'rule-added',
        text: `new ${active ? 'active' : 'inactive'} rule: \`${(textOf(c.after, 'errorConditionFormula') ?? '').replace(/\s+/g, ' ')}\``,
        risk: active ? { level: 'medium', category: 'validation', reason: `a new rule: ${BLOCKS}` } : undefined,
      },
    ];
  const details: Detail[] = [];
  const before = textOf(c.before, 'errorConditionFormula') ?? '';
  const after = textOf(c.after, 'errorConditionFormula') ?? '';
  if (before !== after) {
    const change = diffFormula(before, after);
    details.push({
      kind: 'formula',
      text: `condition: ${describeFormulaChange(change)}`,
      data: { ...change, before, after },
      risk: change.layoutOnly
        ? undefined
        : { level: 'medium', category: 'validation', reason: `the condition changed: ${BLOCKS}` },
    });
  }
  const wasActive = textOf(c.before, 'active') === 'true';
  if (wasActive !== active)
    details.push({
      kind: 'rule-active',
      text: active ? 'activated' : 'deactivated',
      risk: active
        ? { level: 'medium', category: 'validation', reason: `the rule starts blocking: ${BLOCKS}` }
        : undefined,
    });
  for (const [tag, noun] of [
    ['errorMessage', 'message'],
    ['errorDisplayField', 'shown on'],
    ['description', 'description'],
  ] as const)
    if (textOf(c.before, tag) !== textOf(c.after, tag))
      details.push({
        kind: 'setting',
        text: `${noun}: "${textOf(c.before, tag) ?? 'top of page'}" → "${textOf(c.after, tag) ?? 'top of page'}"`,
      });
  return details;
};
