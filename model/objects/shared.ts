import { dateTime, text } from '../../scripts/dsl/index.ts';

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
 * Where a save that used the governance bypass is recorded (blueprint 000 §9: audit logs): the
 * moment of the save, stamped before save by automation (model/automation/bypass-audit.ts).
 * Field history keeps every stamp with the user who saved; the governed fields' own history says
 * what the save changed.
 */
export const bypassStamp = () =>
  dateTime({
    label: 'Last Governance Bypass',
    trackHistory: true,
    help: 'Set by automation when a holder of the governance bypass saves the record. Field history keeps who and every earlier stamp.',
  });
