/** Retention rules: how long data is kept, enforced by a generated scheduled Apex job (see builders.ts). */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { ObjectsModel } from '../objects/index.ts';
import * as builders from './builders.ts';
import type { RetentionModel } from './builders.ts';
import { retentionCatalogue } from './catalogue.ts';
import { checkRetention } from './checks.ts';
import { emitRetention, RETENTION_JOB_CLASS } from './emit.ts';

export type { RetentionAction, RetentionCondition, RetentionModel, RetentionRuleDef } from './builders.ts';
export { ruleCovers, whereEquals } from './builders.ts';
export {
  clockIsDateTime,
  conditionOf,
  DATA_STEWARD_PERMISSION_SET,
  RETENTION_JOB_CLASS,
  RETENTION_TEST_CLASS,
  retentionJobClass,
  retentionTestClass,
} from './emit.ts';
export { RETENTION_PAGE } from './page.ts';

export const clearAfter = locate(builders.clearAfter);
export const deleteAfter = locate(builders.deleteAfter);

export const retentionFamily = defineFamily<RetentionModel, RetentionModel & ObjectsModel>({
  name: 'retention',
  sections: { retentionRules: 'list' },
  check: checkRetention,
  emit: emitRetention,
  references: (model) =>
    model.retentionRules.length
      ? [
          {
            type: 'ApexClass',
            name: 'RevOpsTestUsers',
            component: `ApexClass ${RETENTION_JOB_CLASS}`,
            definition: model.retentionRules[0]!,
            message: 'the retention job test makes its user with the hand-written RevOpsTestUsers',
          },
        ]
      : [],
  lockable: (model) => model.retentionRules,
  catalogue: retentionCatalogue,
});
