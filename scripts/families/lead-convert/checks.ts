import type { CheckContext } from '../../core/checks.ts';
import { fieldPath } from '../../core/model-types.ts';
import type { LeadConvertModel } from './builders.ts';

/** Each mapping goes from a Lead field to an existing field of the same type. */
export function checkLeadConvert(model: LeadConvertModel, check: CheckContext): void {
  const convert = model.leadConvert;
  if (!convert) return;
  const c = 'LeadConvertSettings';
  for (const m of convert.mappings) {
    check.fieldExists(convert, c, m.from, 'mapping source');
    check.fieldExists(convert, c, m.to, 'mapping target');
    if (m.from.object !== 'Lead') check.report(convert, c, `mapping source ${fieldPath(m.from)} is not a Lead field`);
    const from = check.schema.object(m.from.object)?.field(m.from.field);
    const to = check.schema.object(m.to.object)?.field(m.to.field);
    if (from && to && from.type !== to.type)
      check.report(convert, c, `${fieldPath(m.from)} (${from.type}) cannot map to ${fieldPath(m.to)} (${to.type})`);
  }
}
