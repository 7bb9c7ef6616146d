import { ruleItem, territory, territoryChange, territoryDesign, territoryType } from '../../scripts/dsl/index.ts';
import type { TerritoryDef } from '../../scripts/dsl/index.ts';

/**
 * The territory model (blueprint 000 §3; 002 Phase 9 territory-design.yaml): Geo → Segment →
 * Vertical, rules on the account's own Geo__c / Segment__c / Vertical__c, and named-account
 * territories that take accounts by relationship. Who owns which territory, which SE overlays
 * whom and which accounts are named are people and records: the dataset's territories.json
 * (UserTerritory2Association and manual ObjectTerritory2Association rows in an org).
 */
export const Geo = territoryType('Geo', { label: 'Geo', priority: 10, description: 'A region (Account.Geo__c).' });
export const Segment = territoryType('Segment', {
  label: 'Segment',
  priority: 20,
  description: 'A segment within a region (Account.Segment__c).',
});
export const Vertical = territoryType('Vertical', {
  label: 'Vertical',
  priority: 30,
  description: 'Enterprise accounts of a region split by industry (Account.Vertical__c).',
});
export const NamedAccount = territoryType('Named_Account', {
  label: 'Named account',
  priority: 40,
  description: 'Named accounts, assigned by relationship rather than geography; wins opportunity assignment.',
});

/** Regulated industries get their own enterprise coverage where there are enough of them. */
const REGULATED = ['Financial Services', 'Healthcare', 'Public Sector'];
const COMMERCIAL = ['Software', 'Manufacturing', 'Retail', 'Media'];
/** Regions whose enterprise segment is split by vertical. */
const VERTICAL_SPLIT = new Set(['NA', 'EMEA']);
const GEO_LABELS: Record<string, string> = { NA: 'North America', EMEA: 'EMEA', APAC: 'APAC', LATAM: 'Latin America' };
const SEGMENT_LABELS: Record<string, string> = { ENT: 'Enterprise', MM: 'Mid-market', SMB: 'SMB' };

export const Worldwide = territory('Worldwide', {
  label: 'Worldwide',
  type: Geo,
  description: 'Roll-up of every region; its owner inherits to any territory left without one.',
  accountAccess: 'Read',
  opportunityAccess: 'Read',
});

function region(geo: string): TerritoryDef[] {
  const parent = territory(geo, {
    label: GEO_LABELS[geo]!,
    type: Geo,
    parent: Worldwide,
    accountAccess: 'Read',
    opportunityAccess: 'Read',
  });
  const out = [parent];
  for (const segment of ['ENT', 'MM', 'SMB']) {
    const label = `${GEO_LABELS[geo]} ${SEGMENT_LABELS[segment]}`;
    const items = [ruleItem('Geo__c', 'equals', geo), ruleItem('Segment__c', 'equals', segment)];
    if (segment !== 'ENT' || !VERTICAL_SPLIT.has(geo)) {
      out.push(territory(`${geo}_${segment}`, { label, type: Segment, parent, rule: items }));
      continue;
    }
    const seg = territory(`${geo}_${segment}`, { label, type: Segment, parent });
    out.push(
      seg,
      territory(`${geo}_ENT_Regulated`, {
        label: `${label} Regulated`,
        type: Vertical,
        parent: seg,
        rule: [...items, ruleItem('Vertical__c', 'equals', ...REGULATED)],
      }),
      territory(`${geo}_ENT_Commercial`, {
        label: `${label} Commercial`,
        type: Vertical,
        parent: seg,
        rule: [...items, ruleItem('Vertical__c', 'equals', ...COMMERCIAL)],
      }),
    );
  }
  return out;
}

export const NamedAccounts = territory('Named_Accounts', {
  label: 'Named accounts',
  type: NamedAccount,
  description: 'Roll-up of the named-account books.',
  accountAccess: 'Read',
  opportunityAccess: 'Read',
});
const namedBook = (letter: string) =>
  territory(`Named_Accounts_${letter}`, {
    label: `Named accounts ${letter}`,
    type: NamedAccount,
    parent: NamedAccounts,
    named: true,
    description: 'Strategic accounts held by the AE who owns the relationship, wherever they are.',
  });

export const territories: TerritoryDef[] = [
  Worldwide,
  ...['NA', 'EMEA', 'APAC', 'LATAM'].flatMap(region),
  NamedAccounts,
  ...['A', 'B', 'C'].map(namedBook),
];

export const territoryModel = territoryDesign('RevOps_FY2026', {
  label: 'RevOps FY2026',
  description: 'Geo + Segment + Vertical with named accounts (blueprint 000 §3, 002 Phase 9).',
  fiscalYearStartMonth: 1,
  types: [Geo, Segment, Vertical, NamedAccount],
  territories,
  overlayRoles: [{ name: 'Solutions_Engineer', label: 'Solutions engineer', maxAEs: 4 }],
  balancing: { addressableAccounts: 30, revenuePotential: 30, pipeline: 20, density: 20 },
  maxTamRatio: 2,
  // 004 optimization_areas.pipeline_coverage: target 4x.
  pipelineCoverage: 4,
  newTerritoryPipelineSeed: 0.25,
  changeExceptions: ['Termination', 'Promotion'],
  changes: [
    territoryChange('EMEA_ENT_Regulated', {
      effective: '2026-01-01',
      summary: 'FY2026 realignment: EMEA enterprise split into regulated and commercial verticals.',
    }),
    territoryChange('LATAM_ENT', {
      effective: '2026-08-03',
      summary: 'The LATAM enterprise AE left; the territory falls back to its parent owner until FY2027.',
      exception: { reason: 'Termination', record: 'HR-2026-0412 (approved by the CRO, 2026-07-30)' },
    }),
  ],
  locked: true,
});
