/** The hygiene figures (data_quality.sql) against the blueprints' thresholds. */
import { HYGIENE } from './benchmarks.ts';
import type { Row } from './engine.ts';
import type { Metrics, QualityCheck } from './metrics-types.ts';

const CHECKS: Readonly<Record<string, { label: string; short: string; min?: number; max?: number; source: string }>> = {
  duplicateAccounts: {
    label: 'Accounts sharing a website domain',
    short: 'duplicate accounts',
    ...HYGIENE.duplicateAccounts,
  },
  openOppFieldsComplete: {
    label: 'Open deals with next step, next-step date, amount and close date',
    short: 'open deals complete',
    ...HYGIENE.openOppFieldsComplete,
  },
  pastDueOpen: { label: 'Open deals past their close date (stale)', short: 'open deals past due', ...HYGIENE.stale },
  closedLostReason: {
    label: 'Lost and no-decision deals with a loss reason',
    short: 'loss reason given',
    ...HYGIENE.closedLostReason,
  },
  competitorNamed: {
    label: 'Competitive losses naming the competitor',
    short: 'competitor named',
    ...HYGIENE.competitorNamed,
  },
  speedToLeadBreached: {
    label: `MQLs first touched after ${HYGIENE.speedToLeadMinutes.max} minutes`,
    short: 'speed-to-lead breached',
    max: 0,
    source: HYGIENE.speedToLeadMinutes.source,
  },
  leadsMatchingAnAccount: {
    label: 'Leads whose email domain matches an account (no threshold: new companies do not match)',
    short: 'leads matching an account',
    source: '002 §2: lead-to-account matching',
  },
};

const round = (n: number) => Number(n.toPrecision(12));

export function qualitySection(rows: Row[], speed: Row | undefined): Metrics['dataQuality'] {
  const checks: QualityCheck[] = rows.map((r) => {
    const name = String(r.check_name);
    const spec = CHECKS[name] ?? { label: name, short: name, source: '' };
    const numerator = Number(r.numerator);
    const denominator = Number(r.denominator);
    const value = denominator > 0 ? round(numerator / denominator) : null;
    const ok =
      value === null || (spec.min === undefined && spec.max === undefined)
        ? null
        : (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
    return { name, ...spec, numerator, denominator, value, ok };
  });
  const median = speed?.median_minutes;
  return {
    checks,
    speedToLeadMedianMinutes: median === null || median === undefined ? null : round(Number(median)),
  };
}
