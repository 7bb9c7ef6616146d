/**
 * What the report reads from the model rather than hard-coding: the opportunity stages (order,
 * probability, forecast category, closed/won) and which lead status plays which funnel role.
 * Plain data, so that the SQL staging, the tests' reference computation and the page use the same
 * answers. In an org the same facts are the OpportunityStage and LeadStatus records; the report
 * takes them from the model the org was deployed from.
 */
import type { RevOpsModel } from '../dsl/index.ts';

export interface ReportStage {
  readonly name: string;
  /** Position in the sales process (open stages first, in order; closed stages after). */
  readonly order: number;
  /** 0-100, as Salesforce's Opportunity.Probability. */
  readonly probability: number;
  readonly forecastCategory: string;
  readonly closed: boolean;
  readonly won: boolean;
}

/** The funnel role of a lead status (blueprint 002 §3): how far a lead with that status got. */
export type FunnelRole = 'mql' | 'sal' | 'sql' | 'converted' | 'nurture' | 'disqualified' | 'other';

export interface ReportTerms {
  readonly stages: readonly ReportStage[];
  /** Lead status name → funnel role. A status the model does not know is `other`. */
  readonly leadStatusRoles: Readonly<Record<string, FunnelRole>>;
}

const ROLE_PATTERNS: readonly (readonly [FunnelRole, RegExp])[] = [
  ['mql', /^mql$|marketing qualified/i],
  ['sal', /^sal$|sales accepted/i],
  ['sql', /^sql$|sales qualified/i],
  ['nurture', /nurture/i],
  ['disqualified', /disqualif|unqualified/i],
];

export function reportTerms(model: RevOpsModel): ReportTerms {
  const defs = model.opportunityStages?.stages ?? [];
  const ordered = [...defs.filter((s) => !s.closed), ...defs.filter((s) => s.closed)];
  const stages = ordered.map((s, order) => ({
    name: s.name,
    order,
    probability: s.probability,
    forecastCategory: s.forecast,
    closed: s.closed,
    won: s.won,
  }));
  const leadStatusRoles: Record<string, FunnelRole> = {};
  for (const status of model.leadStatuses?.statuses ?? []) {
    const role = status.converted
      ? 'converted'
      : (ROLE_PATTERNS.find(([, pattern]) => pattern.test(status.name))?.[0] ?? 'other');
    leadStatusRoles[status.name] = role;
  }
  return { stages, leadStatusRoles };
}
