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
