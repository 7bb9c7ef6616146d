/**
 * The GTM risk register's opening entries (GTM_Risk__c rows, field by field): what the council
 * starts from. They are not business records, so datasets do not hold them; `revops report
 * --memo` reads them from here, and an org gets them with its first council meeting.
 */
import type { COUNCIL_SEATS, RISK_CATEGORIES, RISK_STATUSES } from './risks.ts';

export interface RiskEntry {
  readonly Name: string;
  readonly Category__c: (typeof RISK_CATEGORIES)[number];
  readonly Owner_Seat__c: (typeof COUNCIL_SEATS)[number];
  readonly Description__c: string;
  readonly Likelihood__c: number;
  readonly Impact__c: number;
  readonly Status__c: (typeof RISK_STATUSES)[number];
  readonly Raised_On__c: string;
  readonly Decision_SLA_Days__c: number;
  readonly Decided_On__c: string | null;
  readonly Decision__c: string | null;
  readonly Mitigation__c: string;
  readonly Next_Review__c: string;
}

export const riskRegister: readonly RiskEntry[] = [
  {
    Name: 'Discounts above the ladder closed without deal-desk approval',
    Category__c: 'Discount Leakage',
    Owner_Seat__c: 'CFO',
    Description__c:
      'Deals booked with a discount above the segment ladder whose approval status never reached Approved: margin given away outside the deal desk.',
    Likelihood__c: 3,
    Impact__c: 4,
    Status__c: 'Mitigating',
    Raised_On__c: '2026-10-06',
    Decision_SLA_Days__c: 14,
    Decided_On__c: '2026-10-15',
    Decision__c:
      'Block Closed Won above the ladder unless approved (validation rule); monthly integrity figure in the memo.',
    Mitigation__c: 'Deal-desk approval rule; discount integrity reported monthly; exceptions expire in 90 days.',
    Next_Review__c: '2026-12-15',
  },
  {
    Name: 'Concessions granted to close the quarter',
    Category__c: 'Discount Leakage',
    Owner_Seat__c: 'VP Revenue Operations',
    Description__c:
      'Free months, uncapped renewals and extra seats promised in the last two weeks of a quarter without a concession record.',
    Likelihood__c: 3,
    Impact__c: 3,
    Status__c: 'Open',
    Raised_On__c: '2026-11-16',
    Decision_SLA_Days__c: 21,
    Decided_On__c: null,
    Decision__c: null,
    Mitigation__c: 'Concession registry with expiry; quarter-end sample audit of signed order forms.',
    Next_Review__c: '2026-12-07',
  },
  {
    Name: 'Security and compliance claims beyond the certified scope',
    Category__c: 'Claims Drift',
    Owner_Seat__c: 'General Counsel',
    Description__c:
      'Reps quoting certifications (SOC 2 Type II scope, data residency) for modules outside the audited scope in proposals and security questionnaires.',
    Likelihood__c: 3,
    Impact__c: 5,
    Status__c: 'Open',
    Raised_On__c: '2026-11-02',
    Decision_SLA_Days__c: 14,
    Decided_On__c: null,
    Decision__c: null,
    Mitigation__c: 'Approved claims library; security review complete before Business Case (stage gate).',
    Next_Review__c: '2026-12-07',
  },
  {
    Name: 'ROI figures in business cases not backed by customer data',
    Category__c: 'Claims Drift',
    Owner_Seat__c: 'VP Marketing',
    Description__c:
      'Business cases carry savings figures from marketing collateral instead of the customer’s own metrics (MEDDICC Metrics left generic).',
    Likelihood__c: 4,
    Impact__c: 2,
    Status__c: 'Mitigating',
    Raised_On__c: '2026-09-14',
    Decision_SLA_Days__c: 30,
    Decided_On__c: '2026-10-01',
    Decision__c: 'Business case template requires the customer-quantified metric and its source.',
    Mitigation__c: 'Metrics__c required from Value Demo; deal reviews sample business cases.',
    Next_Review__c: '2027-01-05',
  },
  {
    Name: 'Multi-year commitments sold to buyers without signing authority',
    Category__c: 'Mis-selling',
    Owner_Seat__c: 'CRO',
    Description__c:
      'Multi-year terms agreed with a champion whose paper process was never confirmed: renewals disputed, revenue restated.',
    Likelihood__c: 2,
    Impact__c: 4,
    Status__c: 'Open',
    Raised_On__c: '2026-11-23',
    Decision_SLA_Days__c: 14,
    Decided_On__c: null,
    Decision__c: null,
    Mitigation__c: 'Paper process and economic buyer required at Commercials (stage gate).',
    Next_Review__c: '2026-12-14',
  },
  {
    Name: 'Lead and contact personal data kept past its purpose',
    Category__c: 'Data Privacy',
    Owner_Seat__c: 'Data Protection Officer',
    Description__c:
      'Disqualified leads and lapsed contacts kept with email and phone indefinitely; exports of lead lists to spreadsheets.',
    Likelihood__c: 3,
    Impact__c: 4,
    Status__c: 'Open',
    Raised_On__c: '2026-10-19',
    Decision_SLA_Days__c: 30,
    Decided_On__c: null,
    Decision__c: null,
    Mitigation__c: 'Retention rules per object; data export audit; quarterly access review of personal-data fields.',
    Next_Review__c: '2026-12-10',
  },
  {
    Name: 'Admins holding the governance bypass',
    Category__c: 'Data Privacy',
    Owner_Seat__c: 'VP Revenue Operations',
    Description__c:
      'System administrators given the RevOps admin role can save records past every rule and change the rules themselves.',
    Likelihood__c: 2,
    Impact__c: 3,
    Status__c: 'Closed',
    Raised_On__c: '2026-08-03',
    Decision_SLA_Days__c: 14,
    Decided_On__c: '2026-08-12',
    Decision__c: 'Bypass only for the integration user and the RevOps admin set; flagged by the access review.',
    Mitigation__c: 'Separation-of-duties rule bypass-and-rule-admin; bypass stamp with field history.',
    Next_Review__c: '2027-02-01',
  },
];
