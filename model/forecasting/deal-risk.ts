/**
 * Deal risk (blueprint 000 §5, 001 dashboard blueprint "deal risk panel", issue 14): a 0-100
 * score on every open deal from the blueprint's signals, and the reasons that make it up, as
 * formula fields so reports, list views and the rep's risk panel read the same numbers.
 *
 * The signals and their weights are data here; `riskScoreFormula` / `riskReasonsFormula` turn them
 * into Salesforce formulas and scripts/forecast/risk.ts computes the same score offline, written
 * independently; tests/forecast/risk.test.ts proves both agree on every record of data/seed.
 * Nothing here imports the stage definitions: stages.ts imports Opportunity, which imports these
 * fields (a test checks that the benchmarks cover every open stage instead).
 */
import { formula, number } from '../../scripts/dsl/index.ts';

/** A deal with no logged activity for this long is stale (blueprint 001: ">14 days idle"). */
export const IDLE_DAYS = 14;

/**
 * Days a deal may sit in each open stage before it counts as stuck: the stage's share of the
 * 90-day "advance or close" SLA (blueprint 003), tuned at the quarterly forecast postmortem (000 §5).
 */
export const STAGE_AGE_BENCHMARK_DAYS: Readonly<Record<string, number>> = {
  Discovery: 14,
  'Value Demo': 21,
  Validation: 30,
  'Business Case': 21,
  Commercials: 21,
};

/** MEDDICC: the seven items the scorecard shows and the risk score counts (blueprint 004 MEDDIC + competition). */
export const MEDDICC_ITEMS = [
  { letter: 'M', label: 'Metrics', field: 'Metrics__c' },
  { letter: 'E', label: 'Economic Buyer', field: 'Economic_Buyer__c' },
  { letter: 'D', label: 'Decision Criteria', field: 'Decision_Criteria__c' },
  { letter: 'D', label: 'Decision Process', field: 'Decision_Process__c' },
  { letter: 'I', label: 'Identify Pain', field: 'Problem_Statement__c' },
  { letter: 'C', label: 'Champion', field: 'Champion__c' },
  { letter: 'C', label: 'Competition', field: 'Competition__c' },
] as const;

/** Points per signal; the total is capped at 100. */
export const RISK_POINTS = {
  idle: 20,
  noChampion: 15,
  noNextStep: 15,
  perPush: 10,
  maxPushes: 20,
  stageAge: 15,
  discountPending: 10,
  perMissingMeddicc: 4,
} as const;

/** Score bands the panel and the reports use. */
export const RISK_LEVELS = { high: 50, medium: 25 } as const;

const stageBenchmark = `CASE(TEXT(StageName), ${Object.entries(STAGE_AGE_BENCHMARK_DAYS)
  .map(([stage, days]) => `"${stage}", ${days}`)
  .join(', ')}, NULL)`;

/** One signal: when it fires, its points, and the reason the rep reads. */
interface RiskSignal {
  readonly when: string;
  readonly points: string;
  readonly reason: string;
}

const meddiccCount = 'BLANKVALUE(MEDDICC_Score__c, 0)';

export const RISK_SIGNALS: readonly RiskSignal[] = [
  {
    when: `Days_Idle__c >= ${IDLE_DAYS}`,
    points: `${RISK_POINTS.idle}`,
    reason: `"No activity for " & TEXT(Days_Idle__c) & " days (+${RISK_POINTS.idle})"`,
  },
  {
    when: 'ISBLANK(Champion__c)',
    points: `${RISK_POINTS.noChampion}`,
    reason: `"No champion (+${RISK_POINTS.noChampion})"`,
  },
  {
    when: 'OR(ISBLANK(NextStep), ISBLANK(Next_Step_Date__c), Next_Step_Date__c < TODAY())',
    points: `${RISK_POINTS.noNextStep}`,
    reason: `"No current next step (+${RISK_POINTS.noNextStep})"`,
  },
  {
    when: 'Push_Count__c > 0',
    points: `MIN(${RISK_POINTS.maxPushes}, Push_Count__c * ${RISK_POINTS.perPush})`,
    reason: `"Close date pushed " & TEXT(Push_Count__c) & "x (+" & TEXT(MIN(${RISK_POINTS.maxPushes}, Push_Count__c * ${RISK_POINTS.perPush})) & ")"`,
  },
  {
    when: `Days_In_Stage__c > ${stageBenchmark}`,
    points: `${RISK_POINTS.stageAge}`,
    reason: `TEXT(Days_In_Stage__c) & " days in stage, benchmark " & TEXT(${stageBenchmark}) & " (+${RISK_POINTS.stageAge})"`,
  },
  {
    when: 'ISPICKVAL(Discount_Approval_Status__c, "Pending")',
    points: `${RISK_POINTS.discountPending}`,
    reason: `"Discount approval pending (+${RISK_POINTS.discountPending})"`,
  },
  {
    when: `${meddiccCount} < ${MEDDICC_ITEMS.length}`,
    points: `(${MEDDICC_ITEMS.length} - ${meddiccCount}) * ${RISK_POINTS.perMissingMeddicc}`,
    reason: `"MEDDICC " & TEXT(${meddiccCount}) & " of ${MEDDICC_ITEMS.length} (+" & TEXT((${MEDDICC_ITEMS.length} - ${meddiccCount}) * ${RISK_POINTS.perMissingMeddicc}) & ")"`,
  },
];

/** Closed deals carry no risk: the score and reasons are blank. */
export const riskScoreFormula = `IF(IsClosed, NULL, MIN(100,
${RISK_SIGNALS.map((s) => `    IF(${s.when}, ${s.points}, 0)`).join(' +\n')}
))`;

/** "; "-separated reasons, each with its points; MID drops the leading separator. */
export const riskReasonsFormula = `IF(IsClosed, NULL, MID(
${RISK_SIGNALS.map((s) => `    IF(${s.when}, "; " & ${s.reason}, "")`).join(' &\n')},
    3, 1000))`;

/**
 * The fields forecasting adds to Opportunity (spread into model/objects/opportunity.ts): the risk
 * score and its inputs, and the per-deal amounts of the alternative forecast models of blueprint
 * 003 (stage-weighted is Weighted_ARR__c).
 */
export const dealRiskFields = {
  MEDDICC_Score__c: number({
    label: 'MEDDICC Score',
    precision: 1,
    scale: 0,
    help: 'How many of the 7 MEDDICC items are filled (set on every save by a flow).',
  }),
  Days_Idle__c: formula('Number', 'TODAY() - BLANKVALUE(LastActivityDate, DATEVALUE(CreatedDate))', {
    label: 'Days Idle',
    description: 'Days since the last logged activity (or since the deal was created).',
    blanks: 'blank',
    precision: 18,
    scale: 0,
  }),
  Days_In_Stage__c: formula('Number', 'TODAY() - DATEVALUE(BLANKVALUE(LastStageChangeDate, CreatedDate))', {
    label: 'Days in Stage',
    description: 'Days since the deal entered its current stage.',
    blanks: 'blank',
    precision: 18,
    scale: 0,
  }),
  Risk_Score__c: formula('Number', riskScoreFormula, {
    label: 'Risk Score',
    description: `0-100 from idle days, champion, next step, pushes, stage age, pending discount and MEDDICC gaps; ${RISK_LEVELS.high}+ is high risk.`,
    blanks: 'blank',
    precision: 3,
    scale: 0,
  }),
  Risk_Reasons__c: formula('Text', riskReasonsFormula, {
    label: 'Risk Reasons',
    description: 'The signals behind the risk score, each with its points.',
    blanks: 'blank',
  }),
  Risk_Level__c: formula(
    'Text',
    `IF(ISBLANK(Risk_Score__c), NULL, IF(Risk_Score__c >= ${RISK_LEVELS.high}, "High", IF(Risk_Score__c >= ${RISK_LEVELS.medium}, "Medium", "Low")))`,
    { label: 'Risk Level', description: 'High, Medium or Low, from the risk score.', blanks: 'blank' },
  ),
};
