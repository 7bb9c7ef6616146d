/** Salesforce's rules for stages, lead statuses, sales processes and Path. */
import type { CheckContext } from '../../core/checks.ts';
import { MAX_PATH_FIELDS, type LeadStatusesDef, type OpportunityStagesDef } from './builders.ts';
import type { StagesModel } from './builders.ts';

/** Opportunity Stage and Lead Status hold at most 100 values (Help: Picklist Limitations). */
const MAX_STANDARD_VALUES = 100;

export function checkStages(model: StagesModel, check: CheckContext): void {
  if (model.opportunityStages) checkOpportunityStages(model.opportunityStages, check);
  if (model.leadStatuses) checkLeadStatuses(model.leadStatuses, check);
  checkProcesses(model, check);
  checkPaths(model, check);
}

function checkOpportunityStages(stages: OpportunityStagesDef, check: CheckContext): void {
  const c = 'StandardValueSet OpportunityStage';
  check.unique(
    stages.stages,
    (s) => s.name,
    () => c,
    'stage',
    stages,
  );
  check.picklistValues(
    stages,
    c,
    stages.stages.map((s) => ({ name: s.name, label: s.name })),
    MAX_STANDARD_VALUES,
  );
  for (const s of stages.stages) {
    if (s.probability < 0 || s.probability > 100)
      check.report(stages, c, `stage "${s.name}" has probability ${s.probability}, outside 0..100`);
    if (s.won && !s.closed) check.report(stages, c, `stage "${s.name}" is won but not closed`);
    if (s.closed && s.forecast !== 'Closed' && s.forecast !== 'Omitted')
      check.report(stages, c, `closed stage "${s.name}" must forecast as Closed or Omitted`);
    for (const criterion of s.exit) {
      check.fieldExists(stages, c, criterion.field, `exit criterion of "${s.name}"`);
      if (criterion.segments?.length && !stages.segmentField)
        check.report(
          stages,
          c,
          `exit criterion ${criterion.field.field} of "${s.name}" names segments, but the stages have no segmentField to read them from`,
        );
    }
    if (s.closed && s.exit.length) check.report(stages, c, `closed stage "${s.name}" cannot have exit criteria`);
  }
  if (!stages.stages.some((s) => s.won)) check.report(stages, c, 'no Closed Won stage');
  if (!stages.stages.some((s) => s.closed && !s.won)) check.report(stages, c, 'no Closed Lost stage');
  if (stages.bypassPermission && !check.schema.hasCustomPermission(stages.bypassPermission)) {
    check.report(stages, c, `bypass permission "${stages.bypassPermission}" is not a custom permission of the model`);
  }
}

function checkLeadStatuses(leads: LeadStatusesDef, check: CheckContext): void {
  const c = 'StandardValueSet LeadStatus';
  check.unique(
    leads.statuses,
    (s) => s.name,
    () => c,
    'lead status',
    leads,
  );
  check.picklistValues(leads, c, leads.statuses, MAX_STANDARD_VALUES);
  if (leads.statuses.filter((s) => s.default).length !== 1)
    check.report(leads, c, 'exactly one lead status must be the default');
  if (!leads.statuses.some((s) => s.converted))
    check.report(leads, c, 'at least one lead status must be a converted status');
}

function checkProcesses(model: StagesModel, check: CheckContext): void {
  check.unique(
    model.businessProcesses,
    (p) => `${p.object}.${p.name}`,
    (p) => `BusinessProcess ${p.object}.${p.name}`,
    'business process',
  );
  for (const process of model.businessProcesses) {
    const c = `BusinessProcess ${process.object}.${process.name}`;
    check.apiName(process, c, process.name);
    const known =
      process.object === 'Opportunity'
        ? model.opportunityStages?.stages.map((s) => s.name)
        : model.leadStatuses?.statuses.map((s) => s.name);
    for (const v of process.values)
      if (!known?.includes(v))
        check.report(
          process,
          c,
          `"${v}" is not a ${process.object === 'Opportunity' ? 'stage' : 'lead status'} of the model`,
        );
  }
}

function checkPaths(model: StagesModel, check: CheckContext): void {
  check.unique(
    model.paths,
    (p) => p.name,
    (p) => `PathAssistant ${p.name}`,
    'path',
  );
  for (const p of model.paths) {
    const c = `PathAssistant ${p.name}`;
    const values = check.schema.object(p.object)?.field(p.field)?.picklistValues ?? [];
    for (const step of p.steps) {
      if (!values.includes(step.value))
        check.report(p, c, `step "${step.value}" is not a value of ${p.object}.${p.field}`);
      if (step.fields.length > MAX_PATH_FIELDS)
        check.report(
          p,
          c,
          `step "${step.value}" has ${step.fields.length} key fields; Path shows at most ${MAX_PATH_FIELDS} (choose them: pathFields on the stage)`,
        );
      for (const f of step.fields) check.fieldExists(p, c, f, `step "${step.value}"`);
    }
  }
}
