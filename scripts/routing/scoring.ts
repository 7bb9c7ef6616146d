/**
 * Lead scoring (002 Phase 3's lead-scoring model; LeadScoring.cls is the Apex twin): fit and
 * engagement points from signals, negative signals, the caps on fit and engagement, and what
 * the scores decide at intake — disqualification, MQL or nurture, the fast path. Scores are
 * whole numbers computed with integer arithmetic only, so both routers agree to the point.
 */
import { DAY_MS } from './calendar.ts';
import type { CompiledCondition, LeadValues } from './conditions.ts';
import type { SignalCategory } from './records.ts';

export interface ScoreSignal {
  readonly name: string;
  readonly label: string;
  readonly category: SignalCategory;
  readonly points: number;
  readonly when: CompiledCondition;
  readonly decay?: { readonly field: string; readonly afterDays: number; readonly perWeek: number };
}

export interface Disqualifier {
  readonly name: string;
  readonly reason: string;
  readonly when: CompiledCondition;
}

export interface ScoreModel {
  readonly signals: readonly ScoreSignal[];
  readonly disqualifiers: readonly Disqualifier[];
  readonly fitMax: number;
  readonly engagementMax: number;
  readonly mql: number;
  readonly hot: number;
  readonly fastPathFit: number;
  readonly fastPath: CompiledCondition;
}

/** What scoring writes on the lead (the fields reps never type). */
export interface LeadScore {
  readonly fit: number;
  readonly engagement: number;
  readonly negative: number;
  /** Lead_Score__c: fit + engagement + negative, within 0-100. */
  readonly total: number;
  /** Segment_Fit_Score__c: capped fit as 0-100. */
  readonly fitScore: number;
  /** Intent_Score__c: capped engagement as 0-100. */
  readonly intentScore: number;
  readonly band: 'Hot' | 'MQL' | 'Below MQL';
  readonly fastPath: boolean;
  /** The first disqualifier that holds, or null. */
  readonly disqualification: string | null;
}

/** Statuses intake may still decide; any other status was set on purpose (a migration) and is kept. */
export const INTAKE_STATUSES: ReadonlySet<string> = new Set(['MQL', 'Nurture']);

/** `round(100 * part / max)` with half up, in integers (Apex: (200 * part + max) / (2 * max)). */
const percentOf = (part: number, max: number): number => (max <= 0 ? 0 : Math.floor((200 * part + max) / (2 * max)));

function signalPoints(signal: ScoreSignal, lead: LeadValues, clockMs: number): number {
  let points = signal.points;
  const decay = signal.decay;
  if (decay) {
    const at = lead[decay.field];
    if (at !== null && at !== undefined && at !== '') {
      const days = Math.floor((clockMs - Date.parse(String(at))) / DAY_MS);
      if (days > decay.afterDays) points -= decay.perWeek * Math.ceil((days - decay.afterDays) / 7);
    }
    if (points < 0) points = 0;
  }
  return points;
}

export function scoreLead(model: ScoreModel, lead: LeadValues, clockMs: number): LeadScore {
  let fit = 0;
  let engagement = 0;
  let negative = 0;
  for (const s of model.signals) {
    if (!s.when(lead, clockMs)) continue;
    const points = signalPoints(s, lead, clockMs);
    if (s.category === 'Fit') fit += points;
    else if (s.category === 'Engagement') engagement += points;
    else negative += points;
  }
  fit = Math.min(fit, model.fitMax);
  engagement = Math.min(engagement, model.engagementMax);
  const total = Math.max(0, Math.min(100, fit + engagement + negative));
  const fitScore = percentOf(fit, model.fitMax);
  let disqualification: string | null = null;
  for (const d of model.disqualifiers)
    if (d.when(lead, clockMs)) {
      disqualification = d.reason;
      break;
    }
  return {
    fit,
    engagement,
    negative,
    total,
    fitScore,
    intentScore: percentOf(engagement, model.engagementMax),
    band: total >= model.hot ? 'Hot' : total >= model.mql ? 'MQL' : 'Below MQL',
    fastPath: fitScore >= model.fastPathFit && model.fastPath(lead, clockMs),
    disqualification,
  };
}

/**
 * Writes the scores on the lead and, at intake, its status: disqualified (with the reason),
 * MQL at the threshold, nurture below it. A status intake does not own is kept.
 */
export function applyScore(lead: LeadValues, score: LeadScore, intake: boolean, mql: number): void {
  lead.Lead_Score__c = score.total;
  lead.Segment_Fit_Score__c = score.fitScore;
  lead.Intent_Score__c = score.intentScore;
  lead.Score_Band__c = score.band;
  lead.Fast_Path__c = score.fastPath;
  if (!intake) return;
  const status = lead.Status;
  if (status !== null && status !== undefined && status !== '' && !INTAKE_STATUSES.has(String(status))) return;
  if (score.disqualification) {
    lead.Status = 'Disqualified';
    lead.Disqualification_Reason__c = score.disqualification;
  } else lead.Status = score.total >= mql ? 'MQL' : 'Nurture';
}
