/**
 * Flows name objects and fields that exist (the start object, entry conditions, `$Record`
 * references, step targets), their formulas do not go round in circles, and every active
 * record-triggered flow has test cases that the simulator and the generated Apex test can run.
 */
import type { CheckContext } from '../../core/checks.ts';
import { resolveFieldPath } from '../../schema/resolve.ts';
import type { ObjectsModel } from '../objects/index.ts';
import type { SecurityModel } from '../security/index.ts';
import type { ValidationRulesModel } from '../validation-rules/index.ts';
import type { FlowDef, FlowStep } from './builders.ts';
import type { FlowsModel } from './builders.ts';
import { checkFlowTests } from './test-checks.ts';
import { resolvedFormula } from './formulas.ts';

/** What the flows family reads: its flows, and the objects, permission sets and rules its tests run against. */
export type FlowFamilyModel = FlowsModel & ObjectsModel & SecurityModel & ValidationRulesModel;

export function checkFlows(model: FlowFamilyModel, check: CheckContext): void {
  check.unique(
    model.flows,
    (f) => f.name,
    (f) => `Flow ${f.name}`,
    'flow',
  );
  for (const flow of model.flows) {
    const c = `Flow ${flow.name}`;
    check.apiName(flow, c, flow.name, '', 80);
    const object = flow.start.object;
    if (object && !check.schema.object(object)) check.report(flow, c, `starts on unknown object ${object}`);
    for (const f of flow.start.filters)
      if (object) check.fieldExists(flow, c, { object, field: f.field }, 'entry condition');
    for (const ref of flowRecordReferences(flow)) {
      if (!object || resolveFieldPath(check.schema, object, ref)) continue;
      if (ref.includes('.')) check.report(flow, c, `a $Record reference names unknown field path ${object}.${ref}`);
      else check.fieldExists(flow, c, { object, field: ref }, 'a $Record reference');
    }
    for (const step of flowSteps(flow.steps)) checkStep(flow, c, step, check);
    for (const name of Object.keys(flow.formulas)) {
      try {
        resolvedFormula(flow, name);
      } catch (e) {
        check.report(flow, c, (e as Error).message.replace(`Flow ${flow.name}: `, ''));
      }
    }
    checkFlowTests(model, flow, check);
  }
}

function checkStep(flow: FlowDef, c: string, step: FlowStep, check: CheckContext): void {
  if (step.step === 'assign' || step.step === 'decision' || step.step === 'sendEmail') return;
  const [target, filters] =
    step.step === 'createRecord'
      ? [step.object, []]
      : 'object' in step.target
        ? [step.target.object, step.target.filters.map((f) => f.field)]
        : [flow.start.object, []];
  if (!target) return;
  if (!check.schema.object(target)) {
    check.report(flow, c, `step "${step.name}" names unknown object ${target}`);
    return;
  }
  for (const field of [...Object.keys(step.set), ...filters])
    check.fieldExists(flow, c, { object: target, field }, `step "${step.name}"`);
}

/** `$Record.X` / `$Record__Prior.X` field names a flow reads or writes. */
export function flowRecordReferences(flow: FlowDef): string[] {
  const text = JSON.stringify({ steps: flow.steps, formulas: flow.formulas });
  return [
    ...new Set([...text.matchAll(/\$Record(?:__Prior)?\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)/g)].map((m) => m[1]!)),
  ];
}

/** Every step of a flow, the steps inside decision outcomes included. */
function flowSteps(steps: readonly FlowStep[]): FlowStep[] {
  return steps.flatMap((s) => (s.step === 'decision' ? [s, ...s.outcomes.flatMap((o) => flowSteps(o.then))] : [s]));
}
