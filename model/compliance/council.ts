/**
 * The RevOps council's part of the model (model/index.ts adds it with defineModel): the GTM risk
 * register and the permission set of the council members who keep it. The council also signs off
 * the quarterly access review (`revops access review`: the signed-off section of the review file)
 * and reads the monthly memo (`revops report --memo`). Separation-of-duties rules: council-duties.ts.
 */
import { access, fieldsOf, permissionSet, type ModelPart, type RevOpsModel } from '../../scripts/dsl/index.ts';
import { GtmRisk } from './risks.ts';

/**
 * Council members (RevOps, Finance, Legal, Sales and Marketing leaders) raise, review and decide
 * risks; assigned on top of their role's group. No delete: a closed risk stays on the register.
 */
export const RiskCouncil = permissionSet('RevOps_Risk_Council', {
  label: 'RevOps: Risk Council',
  description:
    'Raises, reviews and decides GTM risks (the register is kept, never deleted). Assigned to council members on top of their role.',
  objects: { [GtmRisk.apiName]: access('CRE') },
  fields: [fieldsOf(GtmRisk)],
});

export const council: ModelPart<RevOpsModel> = {
  objects: [GtmRisk],
  permissionSets: [RiskCouncil],
};
