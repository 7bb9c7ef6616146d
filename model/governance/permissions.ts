import { customPermission } from '../../scripts/dsl/index.ts';

/** Integrations and RevOps admins may save records that governance rules would block. */
export const GovernanceBypass = customPermission('RevOps_Governance_Bypass', {
  label: 'Bypass RevOps governance rules',
  description:
    'Holders are exempt from stage gates and hygiene validation rules; each bypassed save is stamped on the record (Last Governance Bypass, history tracked). Grant to integrations and RevOps admins only, never with deal-desk approval or Modify All.',
  locked: true,
});

/** `NOT($Permission.RevOps_Governance_Bypass)`: the first condition of every governance rule. */
export const notBypassed = `NOT($Permission.${GovernanceBypass.name})`;

/** Finance/Legal's deal desk: the only people who approve discounts above the ladder. */
export const DealDesk = customPermission('RevOps_Deal_Desk', {
  label: 'Deal desk approver',
  description: 'May approve or reject discounts above the segment ladder and review deal exceptions.',
  locked: true,
});

/** Sales managers may put a deal in another forecast category than its stage's, within bounds and with a reason. */
export const ForecastOverride = customPermission('RevOps_Forecast_Override', {
  label: 'Override forecast categories',
  description:
    "May set a deal's forecast category one category above or below its stage's (or Omitted), with a reason. Sales managers only.",
  locked: true,
});

/** Sales managers may reopen a deal booked as Closed Won (with a reason): booked revenue does not move on a rep's say. */
export const ReopenWonDeal = customPermission('RevOps_Reopen_Won_Deal', {
  label: 'Reopen won deals',
  description: 'May move a deal out of Closed Won, with a stage regression reason. Sales managers only.',
  locked: true,
});

/**
 * Sales managers and Sales Ops move leads between owners (approving reassignment requests,
 * rebalancing books); reps take leads only from a queue or through routing (blueprint 001 Epic 1).
 */
export const LeadReassign = customPermission('RevOps_Lead_Reassign', {
  label: 'Reassign leads',
  description:
    'May give a lead another owner directly: sales managers approving reassignment requests and Sales Ops. Reps take leads from queues; routing assigns the rest.',
  locked: true,
});
