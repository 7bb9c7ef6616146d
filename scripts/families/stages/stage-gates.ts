/**
 * One stage definition drives several artefacts: the validation rules that block a deal from
 * advancing without its exit criteria, the custom metadata records the stage-gate checklist
 * reads, and the Path guidance. These functions derive them, so the model lists them explicitly.
 */
import type { CustomObjectDef, ObjectDef } from '../../core/model-types.ts';
import { copyOrigin } from '../../core/origin.ts';
import type { CustomMetadataRecordDef } from '../custom-metadata/index.ts';
import type { ValidationRuleDef } from '../validation-rules/index.ts';
import type { ExitCriterion, OpportunityStagesDef, PathDef, StageDef } from './builders.ts';

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
export const stageKey = (stage: StageDef): string => stage.key ?? stage.name.replace(/[^A-Za-z0-9]+/g, '');
const fieldKey = (field: string) => field.replace(/__c$/, '');

/** Stages a deal reaches by moving forward past `stage` (lost stages are not "forward"). */
export function stagesBeyond(stages: OpportunityStagesDef, stage: StageDef): StageDef[] {
  const forward = stages.stages.filter((s) => !s.closed || s.won);
  return forward.slice(forward.indexOf(stage) + 1);
}

export function gateRuleName(stage: StageDef, criterion: ExitCriterion): string {
  return criterion.ruleName ?? `Gate_${stageKey(stage)}_${fieldKey(criterion.field.field)}`;
}

/** A formula that is true while the deal's stage is open (not closed won or lost). */
export function openStageTest(stages: OpportunityStagesDef, field = 'StageName'): string {
  const closed = stages.stages.filter((s) => s.closed).map((s) => `${quote(s.name)}, 0`);
  return `CASE(${field}, ${closed.join(', ')}, 1) = 1`;
}

/**
 * A formula giving each stage its position on the way to a win (open stages 1, 2, ..., won last);
 * lost stages are 0, so reopening a lost deal counts as advancing and must pass the gates.
 */
export function forwardOrdinal(stages: OpportunityStagesDef, expression: string): string {
  const arms = stages.stages.map((s, i) => `${quote(s.name)}, ${s.closed && !s.won ? 0 : i + 1}`);
  return `CASE(${expression}, ${arms.join(', ')}, 0)`;
}

/** A formula giving each forward stage its position (1, 2, ...); lost stages count as 99. */
export function stageOrdinal(stages: OpportunityStagesDef, expression: string): string {
  const arms = stages.stages.map((s, i) => `${quote(s.name)}, ${s.closed && !s.won ? 99 : i + 1}`);
  return `CASE(${expression}, ${arms.join(', ')}, 0)`;
}

/** A formula that is true while `field` holds no value (an unticked checkbox counts as empty). */
export function blankTest(field: string, type: 'boolean' | 'picklist' | 'other'): string {
  if (type === 'boolean') return `NOT(${field})`;
  if (type === 'picklist') return `ISBLANK(TEXT(${field}))`;
  return `ISBLANK(${field})`;
}

/**
 * A CASE over the stages: each stage's `valueOf` (a formula literal), `otherwise` for any other
 * value. `expression` is the stage as text or picklist (`StageName`, `TEXT(PRIORVALUE(StageName))`).
 */
export function stageCase(
  stages: OpportunityStagesDef,
  expression: string,
  valueOf: (stage: StageDef) => string | number,
  otherwise: string | number,
): string {
  const literal = (v: string | number) => (typeof v === 'number' ? String(v) : quote(v));
  const arms = stages.stages.map((s) => `${quote(s.name)}, ${literal(valueOf(s))}`);
  return `CASE(${expression}, ${arms.join(', ')}, ${literal(otherwise)})`;
}

/** The condition under which a criterion applies: its segments, read from the stages' segment field. */
export function segmentTest(stages: OpportunityStagesDef, criterion: ExitCriterion): string | undefined {
  if (!criterion.segments?.length || !stages.segmentField) return undefined;
  const arms = criterion.segments.map((s) => `${quote(s)}, 1`);
  return `CASE(TEXT(${stages.segmentField}), ${arms.join(', ')}, 0) = 1`;
}

/** "To move past Validation" or, for a segment's criterion, "To move an ENT deal past Validation". */
const movePast = (stage: StageDef, criterion: ExitCriterion): string =>
  criterion.segments?.length
    ? `To move ${/^[AEIOU]/i.test(criterion.segments.join('')) ? 'an' : 'a'} ${criterion.segments.join(' or ')} deal past ${stage.name}`
    : `To move past ${stage.name}`;

/**
 * The validation rules of every exit criterion. Each rule fires when a deal beyond the
 * criterion's stage lacks the evidence: when it is created there, advanced there, or when the
 * evidence is cleared while it is there (evidence of a passed stage stays required). Moving back
 * between later stages, losing the deal, or editing anything else on a deal that already lacks
 * it does not fire it. A criterion of some segments only applies to deals of those segments. The
 * message sits on the field itself, so the rep sees exactly what to fill in.
 */
export function stageGateRules(stages: OpportunityStagesDef, object: ObjectDef): ValidationRuleDef[] {
  const fieldType = (name: string) => {
    const type = object.fields[name]?.type;
    return type === 'Checkbox' ? 'boolean' : type === 'Picklist' ? 'picklist' : 'other';
  };
  const bypass = stages.bypassPermission ? [`NOT($Permission.${stages.bypassPermission})`] : [];
  return stages.stages.flatMap((stage) =>
    stage.exit.map((criterion) => {
      const beyond = stagesBeyond(stages, stage).map((s) => `${quote(s.name)}, 1`);
      const field = criterion.field.field;
      const segment = segmentTest(stages, criterion);
      const formula = [
        'AND(',
        [
          ...bypass,
          `OR(\n        ISNEW(),\n        AND(ISCHANGED(StageName), ${forwardOrdinal(stages, 'TEXT(PRIORVALUE(StageName))')} < ${forwardOrdinal(stages, 'StageName')}),\n        ISCHANGED(${field})\n    )`,
          `CASE(StageName, ${beyond.join(', ')}, 0) = 1`,
          ...(segment ? [segment] : []),
          blankTest(field, fieldType(field)),
        ]
          .map((line) => `    ${line}`)
          .join(',\n'),
        ')',
      ].join('\n');
      const rule: ValidationRuleDef = {
        kind: 'validationRule',
        object: criterion.field.object,
        name: gateRuleName(stage, criterion),
        formula,
        message: `${movePast(stage, criterion)}: ${criterion.guidance}`,
        errorField: field,
        description: `Exit criterion of ${stage.name}${criterion.segments?.length ? ` for ${criterion.segments.join(', ')} deals` : ''}, kept while the deal is beyond it (generated from the stage definition).`,
        active: true,
        locked: stages.locked,
      };
      return copyOrigin(rule, stages);
    }),
  );
}

/** One custom metadata record per exit criterion, for the rep's stage-gate checklist. */
export function stageGateCriteria(stages: OpportunityStagesDef, type: CustomObjectDef): CustomMetadataRecordDef[] {
  return stages.stages.flatMap((stage) =>
    stage.exit.map((criterion, i) => {
      const name = gateRuleName(stage, criterion);
      const record: CustomMetadataRecordDef = {
        kind: 'customMetadataRecord',
        type: type.apiName,
        name,
        label: `${stage.name}: ${criterion.field.field}`.slice(0, 40),
        values: {
          Object__c: criterion.field.object,
          Stage__c: stage.name,
          Field__c: criterion.field.field,
          Guidance__c: criterion.guidance,
          Sort_Order__c: i + 1,
          // Only criteria of some segments carry them: the checklist shows the rest to every deal.
          ...(criterion.segments?.length ? { Segments__c: criterion.segments.join(';') } : {}),
        },
        locked: stages.locked,
      };
      return copyOrigin(record, stages);
    }),
  );
}

/** Path with each stage's exit-criteria fields as key fields and its guidance as coaching text. */
export function stagePath(
  stages: OpportunityStagesDef,
  name: string,
  label: string,
  o: { recordType?: { readonly name: string } } = {},
): PathDef {
  const path: PathDef = {
    kind: 'path',
    name,
    label,
    object: 'Opportunity',
    field: 'StageName',
    steps: stages.stages
      .filter((s) => !s.closed)
      .map((s) => ({
        value: s.name,
        fields: s.pathFields ?? s.exit.map((c) => c.field),
        guidance: [s.guidance, ...s.exit.map((c) => c.guidance)].filter(Boolean).join(' '),
      })),
    recordType: o.recordType?.name,
    locked: stages.locked,
  };
  return copyOrigin(path, stages);
}
