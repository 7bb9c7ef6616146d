/** Flows: record-triggered and scheduled automation, written as a small tree of steps. */
import { defineFamily, type ModelFormula, type ProjectReference } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import { TEST_USERS_CLASS } from './apex-tests.ts';
import * as builders from './builders.ts';
import { flowsIndex, flowsRelated, renderFlowsPage } from './catalogue.ts';
import { checkFlows, type FlowFamilyModel } from './checks.ts';
import { emitFlows } from './emit.ts';
import { FORMULA_RETURN_TYPES, resolvedFormula } from './formulas.ts';

export type * from './builders.ts';
export {
  assign,
  createRecord,
  decision,
  filter,
  idOf,
  outcome,
  ref,
  savedAt,
  sendEmail,
  setupRecord,
  today,
  updateRecords,
  updateTriggeringRecord,
  when,
} from './builders.ts';
import type { FlowsModel } from './builders.ts';

export type { FlowsModel } from './builders.ts';
export { flowRecordReferences } from './checks.ts';

export const recordTriggeredFlow = locate(builders.recordTriggeredFlow);
/** Located, so that a problem with a case points at its line. */
export const flowTest = locate(builders.flowTest);
export const scheduledFlow = locate(builders.scheduledFlow);

/** A formula as the engine checks it: with the flow's other formulas and `$Flow` clock inlined (formulas.ts). */
function checkableSource(flow: builders.FlowDef, name: string): string | undefined {
  try {
    return resolvedFormula(flow, name);
  } catch {
    return undefined; // a circular formula: checkFlows reports it
  }
}

const flowFormulas = (model: FlowsModel): ModelFormula[] =>
  model.flows.flatMap((flow) =>
    Object.entries(flow.formulas).flatMap(([name, f]) => {
      const source = checkableSource(flow, name);
      if (!flow.start.object || source === undefined) return [];
      return [
        {
          component: `Flow ${flow.name} (formula ${name})`,
          definition: flow,
          source,
          options: {
            object: flow.start.object,
            context: 'flow' as const,
            returnType: FORMULA_RETURN_TYPES[f.dataType],
          },
        },
      ];
    }),
  );

/** The generated flow tests use the hand-written test support class. */
const flowReferences = (model: FlowsModel): ProjectReference[] =>
  model.flows
    .filter((f) => f.tests?.cases.length)
    .map((flow) => ({
      type: 'ApexClass',
      name: TEST_USERS_CLASS,
      component: `Flow ${flow.name} (test cases)`,
      definition: flow,
      message: `the generated test class calls ${TEST_USERS_CLASS}.withPermissionSets: keep force-app/main/default/classes/${TEST_USERS_CLASS}.cls`,
    }));

export const flowsFamily = defineFamily<FlowsModel, FlowFamilyModel>({
  name: 'flows',
  sections: { flows: 'list' },
  check: checkFlows,
  formulas: flowFormulas,
  references: flowReferences,
  emit: emitFlows,
  lockable: (model) => model.flows,
  catalogue: { pages: (cat) => [renderFlowsPage(cat)], index: flowsIndex, related: flowsRelated },
});
