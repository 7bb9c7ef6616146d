/** Opportunity stages with their exit criteria and the rules they generate; sales processes; Path. */
import { gateRuleName, stagesBeyond, type ExitCriterion, type StageDef } from '../../dsl/index.ts';
import { FORECAST_CATEGORY_METADATA } from '../../metadata/emitters/picklists.ts';
import { LOCK, PAGE, lockBadge, objectPage, sortBy, type Catalogue } from '../context.ts';
import { anchor, code, heading, href, link, page, table, text } from '../markdown.ts';

const FROM = PAGE.stages;

function criterionRows(cat: Catalogue, stage: StageDef): string[][] {
  const rules = cat.model.validationRules;
  return stage.exit.map((criterion: ExitCriterion) => {
    const { object, field } = criterion.field;
    const def = cat.fieldDef(object, field);
    const must = def?.type === 'Checkbox' ? 'ticked' : 'filled';
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

function stagesSection(cat: Catalogue): string[] {
  const stages = cat.model.opportunityStages;
  if (!stages) return ['The model defines no opportunity stages.'];
  const bypass = stages.bypassPermission;
  const blocks: (string | undefined)[] = [
    stages.locked ? lockBadge('stage definition') : undefined,
    `One definition drives the ${code('OpportunityStage')} value set, the stage-gate validation rules, the stage-gate checklist records and Path. A deal may move past a stage only when that stage's exit criteria are met: each criterion is a validation rule that fires when a deal is created in, or moves to, a later stage (closed lost stages are not "later") while the field is empty.`,
    bypass
      ? `Holders of the custom permission ${link(code(bypass), href(FROM, PAGE.permissions, anchor(bypass)), { raw: true })} bypass the stage gates.`
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

function processesSection(cat: Catalogue): string[] {
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

function pathsSection(cat: Catalogue): string[] {
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

export function renderStagesPage(cat: Catalogue): { path: string; content: string } {
  return {
    path: FROM,
    content: page([
      heading(1, 'Stages, processes and Path'),
      `${link('Model catalogue', href(FROM, PAGE.index))} › Stages`,
      heading(2, 'Opportunity stages'),
      ...stagesSection(cat),
      ...processesSection(cat),
      ...pathsSection(cat),
    ]),
  };
}
