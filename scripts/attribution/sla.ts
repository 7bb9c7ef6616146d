/**
 * The marketing ↔ sales SLAs of blueprint 002 phase 7, measured where the dataset can show them
 * and named as not measurable where it cannot (what would be needed is said).
 */
import type { LeadRow, OpportunityRow } from './dataset.ts';

export interface SlaResult {
  readonly side: 'marketing → sales' | 'sales → marketing';
  readonly commitment: string;
  readonly target: string;
  /** Share of the measured records that met it, 0-1; null when not measurable. */
  readonly compliance: number | null;
  readonly measured: number;
  readonly note: string;
}

const HOUR = 3_600_000;
/** Business hours: Monday to Friday, 09:00-17:00 UTC (the dataset holds no owner time zones). */
const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;

/** Business milliseconds between two instants. */
export function businessMs(from: number, to: number): number {
  let total = 0;
  for (let day = Math.floor(from / (24 * HOUR)) * 24 * HOUR; day < to; day += 24 * HOUR) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const open = Math.max(from, day + OPEN_HOUR * HOUR);
    const close = Math.min(to, day + CLOSE_HOUR * HOUR);
    if (close > open) total += close - open;
  }
  return total;
}

const share = (ok: number, of: number) => (of ? Math.round((ok / of) * 1000) / 1000 : null);

/** Lead fields the phase 7 "context" line requires on every MQL. */
const MQL_REQUIRED = ['LeadSource', 'Lead_Source_Original__c', 'Segment_Fit_Score__c', 'Intent_Score__c', 'Persona__c'];

/** Blueprint 001's stricter speed to lead: the first touch within 15 minutes of the MQL. */
function speedToLead(mqls: readonly LeadRow[], nowMs: number): SlaResult {
  const measured = mqls.filter((l) => l.firstTouchAt !== null || nowMs - l.mqlAt! > 15 * 60_000);
  const met = measured.filter((l) => l.firstTouchAt !== null && l.firstTouchAt - l.mqlAt! <= 15 * 60_000);
  return {
    side: 'sales → marketing',
    commitment: 'First touch within 15 minutes of MQL (blueprint 001; the SLA_Breached__c formula)',
    target: '100 %',
    compliance: share(met.length, measured.length),
    measured: measured.length,
    note: 'wall-clock minutes, as Speed_To_Lead_Minutes__c computes them',
  };
}

function responseTime(mqls: readonly LeadRow[], nowMs: number): SlaResult {
  let met = 0;
  let measured = 0;
  for (const l of mqls) {
    const until = l.firstTouchAt ?? nowMs;
    const elapsed = businessMs(l.mqlAt!, until);
    if (l.firstTouchAt === null && elapsed <= 4 * HOUR) continue; // still inside its window
    measured++;
    if (elapsed <= 4 * HOUR) met++;
  }
  return {
    side: 'sales → marketing',
    commitment: 'Contact MQL within 4 business hours',
    target: '100 %',
    compliance: share(met, measured),
    measured,
    note: 'First_Touch_At__c − MQL_Date__c in business hours (Mon-Fri 09:00-17:00 UTC); MQLs still inside the window are left out',
  };
}

export interface SlaInput {
  readonly leads: readonly LeadRow[];
  readonly opportunities: readonly OpportunityRow[];
  readonly lostStages: ReadonlySet<string>;
  readonly sqlStatuses: ReadonlySet<string>;
  readonly nowMs: number;
  /** MQL → SQL target (blueprint 003: MQL → SAL ≥ 60 % × SAL → SQL ≥ 40 %). */
  readonly mqlToSqlTarget: number;
}

export function slaCompliance(input: SlaInput): SlaResult[] {
  const mqls = input.leads.filter((l) => l.mqlAt !== null);
  const complete = mqls.filter((l) => MQL_REQUIRED.every((f) => l.fields[f] !== null && l.fields[f] !== undefined));
  const sqls = mqls.filter((l) => input.sqlStatuses.has(l.status)).length;
  const rejected = input.leads.filter((l) => l.status === 'Disqualified');
  const lost = input.opportunities.filter((o) => input.lostStages.has(o.stage));
  const rate = share(sqls, mqls.length);
  const notMeasurable = (side: SlaResult['side'], commitment: string, note: string): SlaResult => ({
    side,
    commitment,
    target: '100 %',
    compliance: null,
    measured: 0,
    note,
  });
  return [
    {
      side: 'marketing → sales',
      commitment: `MQL-to-SQL rate ≥ ${Math.round(input.mqlToSqlTarget * 100)} %`,
      target: `${Math.round(input.mqlToSqlTarget * 100)} %`,
      compliance: rate === null ? null : rate >= input.mqlToSqlTarget ? 1 : 0,
      measured: mqls.length,
      note: `MQL → SQL is ${rate === null ? 'n/a' : `${Math.round(rate * 1000) / 10} %`} (${sqls} of ${mqls.length} MQLs reached SQL or converted)`,
    },
    {
      side: 'marketing → sales',
      commitment: '100 % of required fields populated on MQLs',
      target: '100 %',
      compliance: share(complete.length, mqls.length),
      measured: mqls.length,
      note: `required: ${MQL_REQUIRED.join(', ')}`,
    },
    notMeasurable(
      'marketing → sales',
      'MQLs routed to the correct SDR within 5 minutes',
      'needs the assignment time (LeadHistory on OwnerId)',
    ),
    responseTime(mqls, input.nowMs),
    speedToLead(mqls, input.nowMs),
    notMeasurable(
      'sales → marketing',
      'All MQLs dispositioned within 48 hours',
      'needs the status change time (LeadHistory on Status)',
    ),
    {
      side: 'sales → marketing',
      commitment: 'Rejection reason provided',
      target: '100 %',
      compliance: share(rejected.filter((l) => l.fields.Disqualification_Reason__c).length, rejected.length),
      measured: rejected.length,
      note: 'disqualified leads with a Disqualification Reason',
    },
    {
      side: 'sales → marketing',
      commitment: 'Closed-lost reason captured on every deal',
      target: '100 %',
      compliance: share(lost.filter((o) => o.lossReason).length, lost.length),
      measured: lost.length,
      note: 'closed lost and no-decision deals with a Loss Reason',
    },
  ];
}
