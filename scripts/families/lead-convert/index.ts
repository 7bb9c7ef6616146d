/** Lead conversion: which lead fields carry over to the account, contact and opportunity. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { ObjectsModel } from '../objects/objects.ts';
import * as builders from './builders.ts';
import { leadConvertIndex, leadConvertRelated, renderLeadConvertPage } from './catalogue.ts';
import { checkLeadConvert } from './checks.ts';
import { emitLeadConvert } from './emit.ts';
import type { LeadConvertModel } from './builders.ts';

export type { LeadConvertModel } from './builders.ts';

export type { LeadConvertMappingDef } from './builders.ts';
export { maps } from './builders.ts';

export const leadConvertMapping = locate(builders.leadConvertMapping);

export const leadConvertFamily = defineFamily<LeadConvertModel, LeadConvertModel & ObjectsModel>({
  name: 'lead-convert',
  sections: { leadConvert: 'single' },
  check: checkLeadConvert,
  emit: emitLeadConvert,
  catalogue: { pages: (cat) => [renderLeadConvertPage(cat)], index: leadConvertIndex, related: leadConvertRelated },
});
