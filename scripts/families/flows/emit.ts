import { at, type EmitOptions, type GeneratedFile } from '../../core/family.ts';
import { originOf } from '../../core/origin.ts';
import { metadataXml } from '../../core/xml.ts';
import { SchemaBuilder } from '../../schema/builder.ts';
import { objectsFamily } from '../objects/index.ts';
import { flowTestClass, flowTestClassName } from './apex-tests.ts';
import type { FlowDef, FlowRecordFilter, FlowStep, FlowValue } from './builders.ts';
import type { FlowFamilyModel } from './checks.ts';

/**
 * Flows in Flow Builder's auto-layout form (each step connects to the next; outcomes rejoin), and
 * for each record-triggered flow with test cases its Apex test class.
 */
export async function emitFlows(model: FlowFamilyModel, { apiVersion }: EmitOptions): Promise<GeneratedFile[]> {
  const flows = await Promise.all(
    model.flows.map(async (flow) => ({
      path: at('flows', `${flow.name}.flow-meta.xml`),
      content: await metadataXml('Flow', flowXml(flow, apiVersion)),
    })),
  );
  return [...flows, ...(await emitFlowTests(model, apiVersion))];
}

async function emitFlowTests(model: FlowFamilyModel, apiVersion: string): Promise<GeneratedFile[]> {
  const tested = model.flows.filter((f) => f.start.type === 'recordTriggered' && f.tests?.cases.length);
  if (tested.length === 0) return [];
  // Literals and assertions follow the fields' types: the objects the model describes are enough.
  const builder = new SchemaBuilder();
  objectsFamily.describe?.(model, builder);
  const schema = builder.build();
  const meta = await metadataXml('ApexClass', { apiVersion, status: 'Active' });
  return tested.flatMap((flow) => [
    { path: at('classes', `${flowTestClassName(flow)}.cls`), content: flowTestClass(flow, schema, originOf(flow)) },
    { path: at('classes', `${flowTestClassName(flow)}.cls-meta.xml`), content: meta },
  ]);
}

export function flowValue(value: FlowValue): Record<string, unknown> {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { booleanValue: value };
  if ('ref' in value) return { elementReference: value.ref };
  return { dateValue: value.date };
}

const filterXml = (f: FlowRecordFilter) => ({ field: f.field, operator: f.operator, value: flowValue(f.value) });
const connector = (target: string | undefined) => (target ? { targetReference: target } : undefined);
const setItems = (set: Readonly<Record<string, FlowValue>>) =>
  Object.entries(set).map(([field, value]) => ({ field, value: flowValue(value) }));

interface Nodes {
  actionCalls: unknown[];
  assignments: unknown[];
  decisions: unknown[];
  recordCreates: unknown[];
  recordUpdates: unknown[];
}

/** Lays out `steps` so that the last one continues to `next` (the step after the enclosing decision). */
function layout(steps: readonly FlowStep[], next: string | undefined, nodes: Nodes, depth: { y: number }): void {
  steps.forEach((step, i) => {
    const following = steps[i + 1]?.name ?? next;
    depth.y += 1;
    const position = { name: step.name, label: step.label, locationX: 176, locationY: depth.y * 120 };
    switch (step.step) {
      case 'assign':
        nodes.assignments.push({
          ...position,
          assignmentItems: Object.entries(step.set).map(([target, value]) => ({
            assignToReference: target,
            operator: 'Assign',
            value: flowValue(value),
          })),
          connector: connector(following),
        });
        break;
      case 'updateRecords':
        nodes.recordUpdates.push({
          ...position,
          connector: connector(following),
          ...('triggeringRecord' in step.target
            ? { inputAssignments: setItems(step.set), inputReference: '$Record' }
            : {
                filterLogic: 'and',
                filters: step.target.filters.map(filterXml),
                inputAssignments: setItems(step.set),
                object: step.target.object,
              }),
        });
        break;
      case 'createRecord':
        nodes.recordCreates.push({
          ...position,
          connector: connector(following),
          inputAssignments: setItems(step.set),
          object: step.object,
          storeOutputAutomatically: true,
        });
        break;
      case 'sendEmail':
        nodes.actionCalls.push({
          ...position,
          actionName: 'emailSimple',
          actionType: 'emailSimple',
          connector: connector(following),
          inputParameters: [
            { name: 'emailAddresses', value: flowValue(step.to) },
            { name: 'emailSubject', value: flowValue(step.subject) },
            { name: 'emailBody', value: flowValue(step.body) },
          ],
        });
        break;
      case 'decision':
        nodes.decisions.push({
          ...position,
          defaultConnector: connector(following),
          defaultConnectorLabel: step.defaultLabel,
          rules: step.outcomes.map((o) => ({
            name: o.name,
            conditionLogic: o.logic,
            conditions: o.conditions.map((c) => ({
              leftValueReference: c.left,
              operator: c.operator,
              rightValue: flowValue(c.right),
            })),
            connector: connector(o.then[0]?.name ?? following),
            label: o.label,
          })),
        });
        for (const o of step.outcomes) layout(o.then, following, nodes, depth);
        break;
    }
  });
}

function flowXml(flow: FlowDef, apiVersion: string): Record<string, unknown> {
  const nodes: Nodes = { actionCalls: [], assignments: [], decisions: [], recordCreates: [], recordUpdates: [] };
  layout(flow.steps, undefined, nodes, { y: 0 });
  const { start } = flow;
  const entry = start.filters.length ? { filterLogic: start.filterLogic, filters: start.filters.map(filterXml) } : {};
  const builder = (name: string) => ({
    name,
    value: { stringValue: name === 'CanvasMode' ? 'AUTO_LAYOUT_CANVAS' : 'LightningFlowBuilder' },
  });
  return {
    apiVersion,
    ...nodes,
    description: flow.description,
    environments: 'Default',
    formulas: Object.entries(flow.formulas).map(([name, f]) => ({
      name,
      dataType: f.dataType,
      expression: f.expression,
      scale: f.scale,
    })),
    interviewLabel: `${flow.label} {!$Flow.CurrentDateTime}`,
    label: flow.label,
    processMetadataValues: ['BuilderType', 'CanvasMode', 'OriginBuilderType'].map(builder),
    processType: 'AutoLaunchedFlow',
    start: {
      locationX: 50,
      locationY: 0,
      connector: connector(flow.steps[0]?.name),
      ...entry,
      ...(start.type === 'recordTriggered'
        ? {
            ...(start.runOnUpdate === 'onlyWhenUpdatedToMeet' ? { doesRequireRecordChangedToMeetCriteria: true } : {}),
            object: start.object,
            recordTriggerType: start.on,
            triggerType: start.timing === 'BeforeSave' ? 'RecordBeforeSave' : 'RecordAfterSave',
          }
        : {
            object: start.object,
            schedule: { frequency: start.frequency, startDate: start.startDate, startTime: start.startTime },
            triggerType: 'Scheduled',
          }),
    },
    status: flow.active ? 'Active' : 'Draft',
  };
}
