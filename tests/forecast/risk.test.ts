/**
 * The deal risk score: the formula fields the org computes (evaluated by the formula engine) and
 * the offline computation (scripts/forecast/risk.ts) agree on every open deal of data/seed, with
 * the dataset as it is and with activity and stage dates filled in so that every signal fires
 * somewhere. The MEDDICC count comes from the flow's own formula, as in the org.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FormulaField } from '../../scripts/dsl/index.ts';
import { compileFormula } from '../../scripts/formula/index.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import { dealRisk, meddiccCount } from '../../scripts/forecast/risk.ts';
import { scoreMeddicc } from '../../model/forecasting/meddicc.ts';
import model from '../../model/index.ts';

const schema = buildSchema(model);
const SEED = fileURLToPath(new URL('../../data/seed/', import.meta.url));
const manifest = JSON.parse(await readFile(`${SEED}manifest.json`, 'utf8')) as { anchorDate: string };
const NOW = `${manifest.anchorDate}T12:00:00.000Z`;
const DAY = 86_400_000;
const opportunity = model.objects.find((o) => o.apiName === 'Opportunity')!;
const stages = new Map(model.opportunityStages!.stages.map((s) => [s.name, s]));

type Row = Record<string, unknown>;
const seed: Row[] = (await readFile(`${SEED}Opportunity.ndjson`, 'utf8'))
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Row);

function field(name: string) {
  const def = opportunity.fields[name] as FormulaField;
  const compiled = compileFormula(def.formula, {
    schema,
    object: 'Opportunity',
    context: 'formulaField',
    returnType: def.returns,
    blankAsZero: def.blanks === 'zero',
  });
  return (record: Row) => compiled({ record, now: NOW });
}
const flowFormula = scoreMeddicc.formulas.MeddiccScore!;
const meddiccFlow = compileFormula(flowFormula.expression, {
  schema,
  object: 'Opportunity',
  context: 'flow',
  returnType: 'number',
});
const [daysIdle, daysInStage, score, reasons, level] = [
  'Days_Idle__c',
  'Days_In_Stage__c',
  'Risk_Score__c',
  'Risk_Reasons__c',
  'Risk_Level__c',
].map(field);

/** A seed row as the org holds it: lookups as IDs (the dataset nests them), computed stage fields. */
function asRecord(row: Row): Row {
  const record: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith('__r')) record[key.replace(/__r$/, '__c')] = value ? `ref-${JSON.stringify(value)}` : null;
    else if (typeof value !== 'object' || value === null) record[key] = value;
  }
  const stage = stages.get(String(row.StageName));
  record.IsClosed = stage?.closed ?? false;
  record.ForecastCategoryName = stage?.forecast ?? null;
  return record;
}

/** Activity and stage dates the dataset does not carry, spread deterministically over 0-60 days. */
function withDates(record: Row, i: number): Row {
  const ago = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();
  return {
    ...record,
    CreatedDate: ago(40 + (i % 50)),
    LastActivityDate: i % 3 === 0 ? null : ago((i * 7) % 45).slice(0, 10),
    LastStageChangeDate: i % 4 === 0 ? null : ago((i * 11) % 60),
  };
}

const wholeDays = (from: string | undefined, to: string) =>
  from === undefined ? undefined : Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY);

/** The offline inputs, read from the record the way a person reads the blueprint's signals. */
function offline(record: Row) {
  const meddicc = meddiccCount(record);
  const created = record.CreatedDate as string | undefined;
  return {
    meddicc,
    risk: dealRisk({
      isClosed: record.IsClosed === true,
      stageName: String(record.StageName),
      daysIdle: wholeDays((record.LastActivityDate as string | null) ?? created, NOW),
      daysInStage: wholeDays((record.LastStageChangeDate as string | null) ?? created, NOW),
      hasChampion: Boolean(record.Champion__c),
      nextStep: record.NextStep as string | null,
      nextStepInDays: wholeDays(NOW, (record.Next_Step_Date__c as string | null) ?? '') ?? undefined,
      pushCount: record.Push_Count__c as number | null,
      discountApproval: record.Discount_Approval_Status__c as string | null,
      meddicc,
    }),
  };
}

function inOrg(record: Row) {
  const meddicc = meddiccFlow({ record, now: NOW }) as number;
  const r: Row = { ...record, MEDDICC_Score__c: meddicc };
  r.Days_Idle__c = daysIdle!(r);
  r.Days_In_Stage__c = daysInStage!(r);
  r.Risk_Score__c = score!(r);
  return { meddicc, score: r.Risk_Score__c, reasons: reasons!(r), level: level!(r) };
}

function compare(records: readonly Row[]) {
  const fired = new Set<string>();
  for (const record of records) {
    const org = inOrg(record);
    const off = offline(record);
    const id = String(record.External_Id__c);
    assert.equal(org.meddicc, off.meddicc, `${id}: MEDDICC count`);
    if (off.risk === null) {
      assert.equal(org.score, null, `${id}: a closed deal has no score`);
      assert.equal(org.reasons, null, `${id}: a closed deal has no reasons`);
      continue;
    }
    assert.equal(org.score, off.risk.score, `${id}: score`);
    assert.equal(org.level, off.risk.level, `${id}: level`);
    assert.deepEqual(
      String(org.reasons ?? '')
        .split('; ')
        .filter(Boolean),
      off.risk.reasons,
      `${id}: reasons`,
    );
    for (const reason of off.risk.reasons) fired.add(reason.replace(/[\d]+/g, 'N').replace(/\(\+N\)$/, ''));
  }
  return fired;
}

describe('deal risk: formula fields and the offline score agree on data/seed', () => {
  const records = seed.map(asRecord);

  test('the seed has open deals to score', () => {
    assert.ok(records.filter((r) => r.IsClosed !== true).length >= 50);
  });

  test('as the dataset is (no activity dates: idle and stage-age signals stay silent)', () => {
    const fired = compare(records);
    assert.ok(fired.has('No champion '), [...fired].join(' | '));
  });

  test('with activity and stage dates, so that every signal fires on some deal', () => {
    const fired = compare(records.map(withDates));
    for (const signal of [
      'No activity for N days ',
      'No champion ',
      'N days in stage, benchmark N ',
      'MEDDICC N of N ',
    ])
      assert.ok(fired.has(signal), `no deal fired "${signal.trim()}": ${[...fired].join(' | ')}`);
  });
});

describe('deal risk: the offline score on its own', () => {
  const base = {
    isClosed: false,
    stageName: 'Validation',
    daysIdle: 3,
    daysInStage: 10,
    hasChampion: true,
    nextStep: 'Security review call',
    nextStepInDays: 2,
    pushCount: 0,
    discountApproval: null,
    meddicc: 7,
  };

  test('a healthy deal scores 0, Low, with no reasons', () => {
    assert.deepEqual(dealRisk(base), { score: 0, level: 'Low', reasons: [] });
  });

  test('each signal adds its points and says why', () => {
    const risk = dealRisk({ ...base, daysIdle: 14, hasChampion: false, pushCount: 3, daysInStage: 31, meddicc: 5 });
    assert.deepEqual(risk?.reasons, [
      'No activity for 14 days (+20)',
      'No champion (+15)',
      'Close date pushed 3x (+20)',
      '31 days in stage, benchmark 30 (+15)',
      'MEDDICC 5 of 7 (+8)',
    ]);
    assert.equal(risk?.score, 78);
    assert.equal(risk?.level, 'High');
  });

  test('the score is capped at 100; an overdue next step counts as none', () => {
    const risk = dealRisk({
      ...base,
      daysIdle: 90,
      hasChampion: false,
      nextStepInDays: -1,
      pushCount: 5,
      daysInStage: 90,
      discountApproval: 'Pending',
      meddicc: 0,
    });
    assert.equal(risk?.score, 100);
    assert.ok(risk?.reasons.includes('No current next step (+15)'));
  });

  test('closed deals carry no risk', () => {
    assert.equal(dealRisk({ ...base, isClosed: true }), null);
  });
});
