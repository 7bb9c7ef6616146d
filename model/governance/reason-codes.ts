import { globalValueSet } from '../../scripts/dsl/index.ts';

/** Reason codes are restricted lists, so dashboards can trust them (blueprint: no free text). */
export const LossReason = globalValueSet('Loss_Reason', {
  label: 'Loss Reason',
  description: 'Why a deal was lost or ended without a decision.',
  values: ['Product Gap', 'Pricing', 'Competitor', 'No Budget', 'No Decision', 'Timing', 'Champion Left', 'Timed Out'],
  locked: true,
});

export const SlipReason = globalValueSet('Slip_Reason', {
  label: 'Slip Reason',
  description: 'Why a close date moved later.',
  values: [
    'Customer Timeline',
    'Procurement Delay',
    'Legal Review',
    'Budget Cycle',
    'Champion Left',
    'Technical Blocker',
  ],
  locked: true,
});

export const DisqualificationReason = globalValueSet('Disqualification_Reason', {
  label: 'Disqualification Reason',
  description: 'Why a lead was disqualified (blueprint: disqualifiers are explicit).',
  values: [
    'Bad Contact Info',
    'Not Decision Maker',
    'Wrong ICP',
    'Duplicate',
    'Competitor',
    'Banned Geo',
    'Low Data Volume',
  ],
  locked: true,
});

/** Churn taxonomy used across cancellation flows and CS notes (blueprint 001, epic 7). */
export const ChurnReason = globalValueSet('Churn_Reason', {
  label: 'Churn Reason',
  description: 'Why a customer churned or downgraded.',
  values: ['Product', 'Pricing', 'Support', 'Competitor', 'No Need'],
  locked: true,
});

export const Competitor = globalValueSet('Competitor', {
  label: 'Competitor',
  description: 'Competitors tracked in win/loss analysis.',
  values: ['Acme Revenue Cloud', 'Globex Pipeline', 'Initech Forecast', 'Homegrown', 'Do Nothing'],
  locked: true,
});
