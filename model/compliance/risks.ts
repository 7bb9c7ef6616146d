/**
 * The GTM risk register (blueprint 000 §9, governance and auditability): the risks the RevOps
 * council owns — mis-selling, claims drift, discount leakage, data privacy — each with an
 * accountable owner (a council seat; the record owner is the person in it), a likelihood and an
 * impact, the date of its next review and a decision SLA: the council decides within that many
 * days of the risk being raised. `revops report --memo` lists the open ones for the board.
 */
import { customObject, date, formula, longText, number, picklist } from '../../scripts/dsl/index.ts';

export const RISK_CATEGORIES = ['Mis-selling', 'Claims Drift', 'Discount Leakage', 'Data Privacy'] as const;

/** The council's seats (blueprint 000 §9 change control: RevOps, Finance, Legal, Sales, Marketing). */
export const COUNCIL_SEATS = [
  'CRO',
  'CFO',
  'General Counsel',
  'VP Revenue Operations',
  'VP Marketing',
  'Data Protection Officer',
] as const;

export const RISK_STATUSES = ['Open', 'Mitigating', 'Accepted', 'Closed'] as const;

/** Risks still on the council's agenda. */
export const OPEN_RISK_STATUSES: readonly string[] = ['Open', 'Mitigating'];

const scale = (label: string, help: string) =>
  number({ label, precision: 1, scale: 0, required: true, trackHistory: true, help });

export const GtmRisk = customObject('GTM_Risk__c', {
  label: 'GTM Risk',
  pluralLabel: 'GTM Risks',
  nameField: { label: 'Risk', type: 'Text' },
  description:
    'The go-to-market risk register the RevOps council reviews: category, owner, score, next review and decision SLA.',
  sharingModel: 'Read',
  fields: {
    Category__c: picklist({ label: 'Category', values: [...RISK_CATEGORIES], required: true, trackHistory: true }),
    Owner_Seat__c: picklist({
      label: 'Accountable Seat',
      values: [...COUNCIL_SEATS],
      required: true,
      trackHistory: true,
      help: 'The council seat accountable for the risk; the record owner is the person holding it.',
    }),
    Description__c: longText({ label: 'Description', help: 'What could go wrong, where, and what it would cost.' }),
    Likelihood__c: scale('Likelihood', '1 (rare) to 5 (almost certain).'),
    Impact__c: scale('Impact', '1 (minor) to 5 (severe: regulatory, revenue restatement).'),
    Score__c: formula('Number', 'Likelihood__c * Impact__c', {
      label: 'Risk Score',
      description: 'Likelihood × impact, 1 to 25; 15 and above goes in the board appendix.',
    }),
    Status__c: picklist({
      label: 'Status',
      values: [...RISK_STATUSES],
      default: 'Open',
      required: true,
      trackHistory: true,
    }),
    Raised_On__c: date({ label: 'Raised On', required: true }),
    Decision_SLA_Days__c: number({
      label: 'Decision SLA (Days)',
      precision: 3,
      scale: 0,
      required: true,
      help: 'The council decides (mitigate, accept or close) within this many days of the risk being raised.',
    }),
    Decision_Due__c: formula('Date', 'Raised_On__c + Decision_SLA_Days__c', {
      label: 'Decision Due',
      description: 'Raised On + the decision SLA.',
    }),
    Decided_On__c: date({ label: 'Decided On', trackHistory: true }),
    Decision__c: longText({ label: 'Decision', help: 'What the council decided, and why.' }),
    Mitigation__c: longText({
      label: 'Mitigation',
      help: 'The controls in place or planned (rules, reviews, training).',
    }),
    Next_Review__c: date({
      label: 'Next Review',
      required: true,
      trackHistory: true,
      help: 'The council reviews every open risk at least quarterly.',
    }),
  },
});
