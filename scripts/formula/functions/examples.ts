/**
 * The Opportunity every example in the function table is evaluated on (the reference shows it,
 * and a test evaluates every example against it).
 */
export const EXAMPLE_RECORD = {
  Name: 'Acme - New - 2024',
  StageName: 'Commercials',
  Amount: 1000,
  CloseDate: '2024-06-30',
  Competitors__c: 'Acme;Globex',
} as const;

/** The record before the change being saved. */
export const EXAMPLE_PRIOR = { ...EXAMPLE_RECORD, StageName: 'Discovery' } as const;

/** The current time the examples see. */
export const EXAMPLE_NOW = '2024-05-01T12:00:00Z';
