import { customPermission } from '../../scripts/dsl/index.ts';

/** Integrations and RevOps admins may save records that governance rules would block. */
export const GovernanceBypass = customPermission('RevOps_Governance_Bypass', {
  label: 'Bypass RevOps governance rules',
  description:
    'Holders are exempt from stage gates and hygiene validation rules. Grant to integrations and RevOps admins only.',
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
