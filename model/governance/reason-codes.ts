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

/** Why a deal moved back to an earlier stage, or out of Closed Won (blueprint 000 §2: no free text). */
export const RegressionReason = globalValueSet('Regression_Reason', {
  label: 'Stage Regression Reason',
  description: 'Why a deal moved back to an earlier stage or was reopened after Closed Won.',
  values: [
    'New Stakeholder Reopened Evaluation',
    'Evidence Did Not Hold',
    'Security Or Technical Gap',
    'Budget Moved',
    'Scope Changed',
    'Champion Left',
    'Contract Not Signed',
    'Booked In Error',
  ],
  locked: true,
});

/** Why a deal skipped a stage on its way forward (blueprint 000 §2: standardized advance reasons). */
export const AdvanceReason = globalValueSet('Advance_Reason', {
  label: 'Stage Advance Reason',
  description: 'Why a deal advanced by more than one stage at once.',
  values: [
    'Customer Accelerated Timeline',
    'Executive Sponsor Mandate',
    'Evidence Gathered Earlier',
    'Existing Customer Expansion',
    'Competitive Displacement',
    'Reopened With Evidence',
  ],
  locked: true,
});

/** Why a deal was won: the other half of win/loss analysis (blueprint 000 §6, 001 closed-loop learning). */
export const WinReason = globalValueSet('Win_Reason', {
  label: 'Win Reason',
  description: 'Why the customer chose us.',
  values: [
    'Product Fit',
    'Proven ROI',
    'Champion Strength',
    'Price And Terms',
    'Speed To Value',
    'Security And Compliance',
    'Incumbent Displaced',
  ],
  locked: true,
});

/** Why a sales manager put a deal in another forecast category than its stage's (blueprint 000 §5). */
export const ForecastOverrideReason = globalValueSet('Forecast_Override_Reason', {
  label: 'Forecast Override Reason',
  description: "Why a deal's forecast category differs from its stage's.",
  values: [
    'Verbal Commitment',
    'Contract In Legal',
    'Executive Engagement',
    'Budget At Risk',
    'Timeline At Risk',
    'Champion At Risk',
    'Not Closing This Period',
  ],
  locked: true,
});
