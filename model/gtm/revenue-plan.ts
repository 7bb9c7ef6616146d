/**
 * The FY2027 revenue plan (blueprint 002 Phase 11 revenue-plan.yaml, Phase 6 capacity model,
 * 004 capacity planning): what the board approves, and what `revops capacity` turns into
 * headcount and funnel. The role quotas are the comp plans' OTE x quota multiple
 * (model/gtm/comp-plans.ts; validateModel holds them equal).
 */
import { revenuePlan } from '../../scripts/dsl/index.ts';

export const fy2027Plan = revenuePlan('FY2027', {
  label: 'FY2027 revenue plan',
  description:
    'Net new ARR of $6.0M on a $3.6M base: 70 % new business carried by enterprise AEs, 30 % expansion by account ' +
    'managers; SDRs source a fifth of the new-business pipeline. Benchmarks: 002 Phase 3 median conversion rates, ' +
    '002 Phase 6 ramp, 004 win rate and deal size.',
  fiscalYearStart: '2027-01-01',
  startingArr: 3_600_000,
  // 002 Phase 11: new business typically 60-70 % of net new, expansion 30-40 %.
  targets: { newBusiness: 4_200_000, expansion: 1_800_000 },
  grossChurnRate: 0.08,
  avgNewDealSize: 60_000,
  avgExpansionDealSize: 30_000,
  salesCycleDays: { newBusiness: 90, expansion: 45 },
  // 002 Phase 3 medians (MQL → SAL 50-60 %, SAL → SQL 40-50 %, SQL → Opp 60-70 %); 004 win rate 25 %;
  // expansion wins typically 2-3x the new-business rate (002 Phase 11).
  funnel: { mqlToSal: 0.55, salToSql: 0.45, sqlToOpp: 0.65, newWinRate: 0.25, expansionWinRate: 0.55 },
  roles: [
    {
      role: 'AE_ENT',
      label: 'Enterprise account executive',
      measure: 'newBusiness',
      share: 1,
      annualQuota: 1_000_000,
      expectedAttainment: 0.7,
      segment: 'ENT',
      roster: { pools: ['ENT_AE'] },
    },
    {
      role: 'CS_AM',
      label: 'Account manager',
      measure: 'expansion',
      share: 1,
      annualQuota: 600_000,
      expectedAttainment: 0.8,
      segment: 'MM',
      roster: { title: 'Account Manager' },
    },
    {
      role: 'SDR',
      label: 'Sales development rep',
      measure: 'pipeline',
      share: 0.2,
      annualQuota: 280_000,
      expectedAttainment: 0.8,
      segment: 'SMB',
      roster: { pools: ['SENIOR_SDR', 'MM_SDR', 'SMB_SDR'] },
    },
  ],
  // 002 Phase 6: months 1-2 onboarding, month 3 25 %, months 4-5 50 %, fully ramped from month 6.
  ramp: [
    { month: 1, productivity: 0 },
    { month: 3, productivity: 0.25 },
    { month: 4, productivity: 0.5 },
    { month: 6, productivity: 1 },
  ],
  annualAttrition: 0.15,
  // 002 Phase 11 scenario planning.
  scenarios: [
    { name: 'bear', confidence: 0.7, revenueChange: -0.2, winRatePoints: -5, cycleDays: 15, churnPoints: 2 },
    { name: 'base', confidence: 0.5, revenueChange: 0, winRatePoints: 0, cycleDays: 0, churnPoints: 0 },
    { name: 'bull', confidence: 0.3, revenueChange: 0.2, winRatePoints: 5, cycleDays: -10, churnPoints: 0 },
  ],
  locked: true,
});
