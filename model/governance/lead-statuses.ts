import { defineLeadStatuses, leadStatus } from '../../scripts/dsl/index.ts';

/** The lead funnel of the blueprint (002 §Phase 3): MQL → SAL → SQL, with nurture and disqualification. */
export const leadStatuses = defineLeadStatuses(
  [
    leadStatus('MQL', { default: true, description: 'Meets the engagement threshold and fits the ICP.' }),
    leadStatus('SAL', { description: 'An SDR accepted the lead: real, reachable, worth pursuing.' }),
    leadStatus('SQL', { description: 'Discovery completed; ready for an AE.' }),
    leadStatus('Nurture', { description: 'Not ready now; back to marketing.' }),
    leadStatus('Disqualified', { description: 'Explicitly disqualified, with a reason.' }),
    leadStatus('Converted', { converted: true, description: 'Converted to an account, contact and opportunity.' }),
  ],
  { locked: true },
);
