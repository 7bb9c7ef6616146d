/** Opportunity stages with their exit criteria and the rules they generate; sales processes; Path. */
import {
  INDEX_PAGE,
  LOCK,
  lockBadge,
  objectPage,
  sortBy,
  summaryRow,
  summarySingle,
  type Catalogue,
  type CataloguePage,
  type Ranked,
} from '../../core/catalogue.ts';
import { anchor, code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import { PERMISSIONS_PAGE } from '../security/page.ts';
import type { ValidationRulesModel } from '../validation-rules/index.ts';
import type { ExitCriterion, StageDef } from './builders.ts';
import { FORECAST_CATEGORY_METADATA } from './emit.ts';
import type { StagesModel } from './builders.ts';
import { LEAD_STATUSES_PAGE, STAGES_PAGE } from './page.ts';
import { gateRuleName, stagesBeyond } from './stage-gates.ts';

type Cat = Catalogue<StagesModel & ValidationRulesModel>;
const FROM = STAGES_PAGE;

function criterionRows(cat: Cat, stage: StageDef): string[][] {
  const rules = cat.model.validationRules;
  return stage.exit.map((criterion: ExitCriterion) => {
    const { object, field } = criterion.field;
    const def = cat.fieldDef(object, field);
    const must = `${def?.type === 'Checkbox' ? 'ticked' : 'filled'}${criterion.segments?.length ? ` (${criterion.segments.map((x) => text(x)).join(', ')} deals)` : ''}`;
    const name = gateRuleName(stage, criterion);
    const rule = rules.find((r) => r.name === name && r.object === object);
    return [
      cat.fieldLink(FROM, object, field),
      text(cat.fieldLabel(object, field)),
      must,
      text(criterion.guidance),
      rule
        ? link(code(name), href(FROM, objectPage(object), anchor(name)), { raw: true })
        : `${code(name)} (not in the model's validation rules)`,
    ];
  });
}

function stagesSection(cat: Cat): string[] {
  const stages = cat.model.opportunityStages;
  if (!stages) return ['The model defines no opportunity stages.'];
  const bypass = stages.bypassPermission;
  const blocks: (string | undefined)[] = [
    stages.locked ? lockBadge('stage definition') : undefined,
    `One definition drives the ${code('OpportunityStage')} value set, the stage-gate validation rules, the stage-gate checklist records and Path. A deal may move past a stage only when that stage's exit criteria are met: each criterion is a validation rule that fires when a deal is created in, or moves to, a later stage (closed lost stages are not "later") while the field is empty, and when the field is cleared while the deal is at a later stage (evidence of a passed stage stays required).`,
    stages.segmentField
      ? `A criterion marked with segments applies to deals of those segments only (read from ${code(stages.segmentField)}).`
      : undefined,
    bypass
      ? `Holders of the custom permission ${link(code(bypass), href(FROM, PERMISSIONS_PAGE, anchor(bypass)), { raw: true })} bypass the stage gates.`
      : 'No custom permission bypasses the stage gates.',
    table(
      ['#', 'Stage', 'Probability', 'Forecast category', 'Closed', 'Won', 'Exit criteria'],
      stages.stages.map((s, i) => [
        i + 1,
        link(s.name, `#${anchor(`${i + 1} ${s.name}`)}`),
        `${s.probability}%`,
        `${text(s.forecast)}${FORECAST_CATEGORY_METADATA[s.forecast] !== s.forecast ? ` (metadata: ${code(FORECAST_CATEGORY_METADATA[s.forecast])})` : ''}`,
        s.closed,
        s.won,
        s.exit.length,
      ]),
    ),
  ];
  stages.stages.forEach((s, i) => {
    const beyond = stagesBeyond(stages, s).map((b) => text(b.name));
    blocks.push(heading(3, `${i + 1} ${text(s.name)}`));
    if (s.guidance) blocks.push(`Guidance: ${text(s.guidance)}`);
    if (s.exit.length === 0) {
      blocks.push('No exit criteria.');
      return;
    }
    blocks.push(
      `Exit criteria, enforced when a deal is created in or moved to ${beyond.length ? beyond.join(', ') : '(no later stage)'}:`,
      table(['Field', 'Label', 'Must be', 'Guidance', 'Validation rule'], criterionRows(cat, s)),
    );
  });
  return blocks.filter((b): b is string => b !== undefined);
}

function processesSection(cat: Cat): string[] {
  const processes = sortBy(cat.model.businessProcesses, (p) => `${p.object}.${p.name}`);
  return [
    heading(2, 'Sales and lead processes'),
    processes.length
      ? table(
          ['Process', 'Object', 'Values (default first)', 'Description', 'Locked'],
          processes.map((p) => [
            code(p.name),
            cat.objectLink(FROM, p.object),
            p.values.map((v) => text(v)).join(' → '),
            text(p.description),
            p.locked ? LOCK : '',
          ]),
        )
      : 'None.',
  ];
}

function pathsSection(cat: Cat): string[] {
  const paths = sortBy(cat.model.paths, (p) => p.name);
  const blocks = [heading(2, 'Path')];
  if (paths.length === 0) return [...blocks, 'None.'];
  for (const p of paths) {
    blocks.push(
      heading(3, p.name),
      `${text(p.label)}: on ${cat.fieldLink(FROM, p.object, p.field)}${p.locked ? ` ${LOCK} locked` : ''}.`,
      table(
        ['Step', 'Key fields', 'Guidance'],
        p.steps.map((s) => [
          text(s.value),
          s.fields.map((f) => cat.fieldLink(FROM, f.object, f.field, { qualified: false })).join(', '),
          text(s.guidance),
        ]),
      ),
    );
  }
  return blocks;
}

export function renderStagesPage(cat: Cat): CataloguePage {
  return {
    path: FROM,
    content: page([
      heading(1, 'Stages, processes and Path'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Stages`,
      heading(2, 'Opportunity stages'),
      ...stagesSection(cat),
      ...processesSection(cat),
      ...pathsSection(cat),
    ]),
  };
}

/** Lead statuses: the lead funnel, in order. */
export function renderLeadStatusesPage(cat: Cat): CataloguePage {
  const statuses = cat.model.leadStatuses;
  return {
    path: LEAD_STATUSES_PAGE,
    content: page([
      heading(1, 'Lead statuses'),
      `${link('Model catalogue', href(LEAD_STATUSES_PAGE, INDEX_PAGE))} › Lead statuses`,
      statuses?.locked ? lockBadge('list of statuses') : undefined,
      statuses
        ? table(
            ['#', 'Status', 'Label', 'Default', 'Converted', 'Description'],
            statuses.statuses.map((s, i) => [
              i + 1,
              code(s.name),
              text(s.label),
              s.default,
              s.converted,
              text(s.description),
            ]),
          )
        : 'The model defines no lead statuses.',
    ]),
  };
}

export const stagesIndex = (cat: Cat) => {
  const m = cat.model;
  return {
    links: [
      `${link('Stages, processes and Path', href(INDEX_PAGE, STAGES_PAGE))}: probabilities, forecast categories, exit criteria and the rules they generate`,
      `${link('Lead statuses', href(INDEX_PAGE, LEAD_STATUSES_PAGE))}`,
    ],
    summary: [
      summarySingle(
        'Opportunity stages',
        m.opportunityStages && { locked: m.opportunityStages.locked, length: m.opportunityStages.stages.length },
        STAGES_PAGE,
      ),
      summarySingle(
        'Lead statuses',
        m.leadStatuses && { locked: m.leadStatuses.locked, length: m.leadStatuses.statuses.length },
        LEAD_STATUSES_PAGE,
      ),
      summaryRow('Sales and lead processes', m.businessProcesses, STAGES_PAGE),
      summaryRow('Paths', m.paths, STAGES_PAGE),
    ],
  };
};

/** An object's related definitions: its Path first; the stages and statuses it takes its values from last. */
export function stagesRelated(cat: Cat, object: ObjectDef, from: string): Ranked<string>[] {
  const m = cat.model;
  const is = (name: string | undefined) => name?.toLowerCase() === object.apiName.toLowerCase();
  const paths = sortBy(
    m.paths.filter((p) => is(p.object)),
    (p) => p.name,
  ).map((p) => ({
    rank: 10,
    value: `Path ${link(code(p.name), href(from, STAGES_PAGE, anchor(p.name)), { raw: true })} on ${code(p.field)}`,
  }));
  return [
    ...paths,
    ...(is('Opportunity') && m.opportunityStages
      ? [{ rank: 70, value: `Opportunity ${link('stages', href(from, STAGES_PAGE))}` }]
      : []),
    ...(is('Lead') && m.leadStatuses
      ? [{ rank: 80, value: `Lead ${link('statuses', href(from, LEAD_STATUSES_PAGE))}` }]
      : []),
  ];
}
