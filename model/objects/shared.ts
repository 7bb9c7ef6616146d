import { text } from '../../scripts/dsl/index.ts';

/** Segments, geos and verticals: the building blocks of territories `{Geo}-{Segment}-{Vertical}`. */
export const SEGMENTS = ['ENT', 'MM', 'SMB'];
export const GEOS = ['NA', 'EMEA', 'APAC', 'LATAM'];
export const VERTICALS = [
  'Software',
  'Financial Services',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Public Sector',
  'Media',
];
export const PERSONAS = [
  'Executive Sponsor',
  'Economic Buyer',
  'Technical Buyer',
  'Operations Leader',
  'End User',
  'Procurement',
];

/** The key every seeded record is upserted by, so that loading twice creates no duplicates. */
export const externalId = () =>
  text({
    label: 'External ID',
    length: 40,
    unique: true,
    externalId: true,
    help: 'Stable key used to load and sync this record (seed data, integrations). Never reused.',
  });

/**
 * Where a save that bypassed governance rules is recorded (blueprint 000 §9: audit logs): the
 * names of the rules the save would have broken and when, written before save by automation
 * running as the bypass holder. Field history keeps every value with who saved it and when.
 */
export const bypassStamp = () =>
  text({
    label: 'Last Governance Bypass',
    length: 255,
    trackHistory: true,
    help: 'Set by automation when a holder of the governance bypass saves a change a rule would have blocked: the rules and the time. Field history keeps who and every earlier value.',
  });
