/**
 * The deal risk score computed offline, written from the blueprint's signals independently of
 * the formula fields (model/forecasting/deal-risk.ts builds those). tests/forecast/risk.test.ts
 * runs both over data/seed and proves they agree, so the score a rep sees in the org is the one
 * RevOps can compute on any dataset without an org.
 */
import {
  IDLE_DAYS,
  MEDDICC_ITEMS,
  RISK_LEVELS,
  RISK_POINTS,
  STAGE_AGE_BENCHMARK_DAYS,
} from '../../model/forecasting/deal-risk.ts';

export interface DealRiskInput {
  readonly isClosed: boolean;
  readonly stageName: string;
  /** Days since the last activity (or creation); undefined when neither is known. */
  readonly daysIdle?: number;
  readonly daysInStage?: number;
  readonly hasChampion: boolean;
  readonly nextStep?: string | null;
  /** Whole days from today to the next step date (negative: overdue); undefined when blank. */
  readonly nextStepInDays?: number;
  readonly pushCount?: number | null;
  readonly discountApproval?: string | null;
  /** Filled MEDDICC items, 0-7 (blank counts as 0, as in the formula). */
  readonly meddicc?: number | null;
}

export interface DealRisk {
  readonly score: number;
  readonly level: 'High' | 'Medium' | 'Low';
  readonly reasons: readonly string[];
}

/** Null for a closed deal: closed deals carry no risk. */
export function dealRisk(d: DealRiskInput): DealRisk | null {
  if (d.isClosed) return null;
  const found: { points: number; reason: string }[] = [];
  if (d.daysIdle !== undefined && d.daysIdle >= IDLE_DAYS)
    found.push({ points: RISK_POINTS.idle, reason: `No activity for ${d.daysIdle} days (+${RISK_POINTS.idle})` });
  if (!d.hasChampion)
    found.push({ points: RISK_POINTS.noChampion, reason: `No champion (+${RISK_POINTS.noChampion})` });
  if (!d.nextStep || d.nextStepInDays === undefined || d.nextStepInDays < 0)
    found.push({ points: RISK_POINTS.noNextStep, reason: `No current next step (+${RISK_POINTS.noNextStep})` });
  const pushes = d.pushCount ?? 0;
  if (pushes > 0) {
    const points = Math.min(RISK_POINTS.maxPushes, pushes * RISK_POINTS.perPush);
    found.push({ points, reason: `Close date pushed ${pushes}x (+${points})` });
  }
  const benchmark = STAGE_AGE_BENCHMARK_DAYS[d.stageName];
  if (benchmark !== undefined && d.daysInStage !== undefined && d.daysInStage > benchmark)
    found.push({
      points: RISK_POINTS.stageAge,
      reason: `${d.daysInStage} days in stage, benchmark ${benchmark} (+${RISK_POINTS.stageAge})`,
    });
  if (d.discountApproval === 'Pending')
    found.push({
      points: RISK_POINTS.discountPending,
      reason: `Discount approval pending (+${RISK_POINTS.discountPending})`,
    });
  const meddicc = d.meddicc ?? 0;
  if (meddicc < MEDDICC_ITEMS.length) {
    const points = (MEDDICC_ITEMS.length - meddicc) * RISK_POINTS.perMissingMeddicc;
    found.push({ points, reason: `MEDDICC ${meddicc} of ${MEDDICC_ITEMS.length} (+${points})` });
  }
  const score = Math.min(
    100,
    found.reduce((sum, f) => sum + f.points, 0),
  );
  const level = score >= RISK_LEVELS.high ? 'High' : score >= RISK_LEVELS.medium ? 'Medium' : 'Low';
  return { score, level, reasons: found.map((f) => f.reason) };
}

/** How many MEDDICC items a record fills (what the Opportunity_Score_MEDDICC flow stores). */
export function meddiccCount(record: Readonly<Record<string, unknown>>): number {
  return MEDDICC_ITEMS.filter((item) => {
    const value = record[item.field];
    return value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
  }).length;
}
