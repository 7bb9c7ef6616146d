/**
 * Compensation plans per quota role (blueprint 002 Phase 9): the architecture table's base:variable,
 * OTE and quota multiple, and its six design rules, which validateModel holds every plan to.
 * `revops comp calculate` pays them on a dataset's closed-won deals.
 */
import { compPlan } from '../../scripts/dsl/index.ts';

const RULES = {
  accelerator: { above: 1, multiplier: 1.5 },
  decelerator: { below: 0.5, multiplier: 0.5 },
  clawback: { on: 'churn', withinDays: 90 },
  spifMaxShareOfOte: 0.05,
  payFrequency: 'monthly',
} as const;

export const sdrPlan = compPlan('SDR_FY2027', {
  label: 'SDR FY2027',
  role: 'SDR',
  ote: 70_000,
  baseShare: 0.7,
  quotaMultiple: 4,
  components: [{ name: 'Pipeline generated', measure: 'pipeline', weight: 1 }],
  ...RULES,
  locked: true,
});

export const enterpriseAePlan = compPlan('AE_Enterprise_FY2027', {
  label: 'Enterprise AE FY2027',
  role: 'AE_ENT',
  ote: 250_000,
  baseShare: 0.6,
  quotaMultiple: 4,
  components: [
    { name: 'New business ARR', measure: 'newBusiness', weight: 0.85 },
    { name: 'Expansion ARR', measure: 'expansion', weight: 0.15 },
  ],
  ...RULES,
  accelerator: { above: 1, multiplier: 2 },
  locked: true,
});

export const accountManagerPlan = compPlan('Account_Manager_FY2027', {
  label: 'Account manager FY2027',
  role: 'CS_AM',
  ote: 120_000,
  baseShare: 0.7,
  quotaMultiple: 5,
  components: [
    { name: 'Expansion ARR', measure: 'expansion', weight: 0.7 },
    { name: 'New logo ARR on owned accounts', measure: 'newBusiness', weight: 0.3 },
  ],
  ...RULES,
  locked: true,
});

export const compPlans = [sdrPlan, enterpriseAePlan, accountManagerPlan];
