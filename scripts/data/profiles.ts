/**
 * Who the companies and people of a dataset are: pure functions of an index, so a contact can
 * be given its account's domain, or a lead its company, without any lookup table.
 */
import { SEGMENTS, type SegmentKey } from './benchmarks.ts';
import {
  COMPANY_CORES,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  GEO_PLACES,
  LAST_NAMES,
  TOP_LEVEL_DOMAINS,
  VERTICAL_INDUSTRY,
} from './vocabulary.ts';
import { rngFor, type Base, type Plan } from './world.ts';

const GEO_WEIGHTS: Record<string, number> = { NA: 0.45, EMEA: 0.3, APAC: 0.15, LATAM: 0.1 };
const TIER_WEIGHTS: Record<SegmentKey, readonly number[]> = {
  ENT: [0.35, 0.4, 0.2, 0.05],
  MM: [0.2, 0.35, 0.3, 0.15],
  SMB: [0.1, 0.3, 0.35, 0.25],
};

/** Unique company names and domain labels: index → (prefix, core) is a bijection, then a number. */
export function companyName(index: number): { name: string; label: string; base: string } {
  const size = COMPANY_PREFIXES.length * COMPANY_CORES.length;
  const cycle = Math.floor(index / size);
  const r = ((index % size) * 1021 + 7) % size;
  const prefix = COMPANY_PREFIXES[r % COMPANY_PREFIXES.length]!;
  const core = COMPANY_CORES[Math.floor(r / COMPANY_PREFIXES.length)]!;
  const n = cycle ? String(cycle + 1) : '';
  const base = `${prefix} ${core}${n ? ` ${n}` : ''}`;
  const suffix = COMPANY_SUFFIXES[(index * 7 + cycle) % COMPANY_SUFFIXES.length]!;
  return { name: `${base} ${suffix}`, label: `${prefix}${core}${n}`.toLowerCase(), base };
}

/** Unique person names per index: (first, last) is a bijection, then a number. */
export function personName(index: number): { first: string; last: string; suffix: string } {
  const size = FIRST_NAMES.length * LAST_NAMES.length;
  const cycle = Math.floor(index / size);
  const r = ((index % size) * 2473 + 11) % size;
  return {
    first: FIRST_NAMES[r % FIRST_NAMES.length]!,
    last: LAST_NAMES[Math.floor(r / FIRST_NAMES.length)]!,
    suffix: cycle ? String(cycle + 1) : '',
  };
}

export interface AccountProfile {
  readonly index: number;
  readonly parent: number;
  readonly segment: SegmentKey;
  readonly geo: string;
  readonly vertical: string;
  readonly tier: string;
  readonly employees: number;
  readonly name: string;
  /** The name without the legal suffix (subsidiaries are named after it). */
  readonly base: string;
  readonly label: string;
  /** Normalised website domain: lower case, no scheme, no www. */
  readonly domain: string;
  readonly country: string;
  readonly city: string;
}

function values(world: Base, field: string, fallback: readonly string[]): readonly string[] {
  const v = world.picklists.values('Account', field);
  return v.length ? v : fallback;
}

const segmentKeys = Object.keys(SEGMENTS) as SegmentKey[];

function rootProfile(world: Base, index: number): AccountProfile {
  const rng = rngFor(world, 'account', index);
  const segment = segmentKeys[rng.weightedIndex(segmentKeys.map((s) => SEGMENTS[s].share))]!;
  const geos = values(world, 'Geo__c', Object.keys(GEO_WEIGHTS));
  const geo = geos[rng.weightedIndex(geos.map((g) => GEO_WEIGHTS[g] ?? 0.1))]!;
  const vertical = rng.pick(values(world, 'Vertical__c', Object.keys(VERTICAL_INDUSTRY)));
  const tiers = values(world, 'ICP_Tier__c', ['A', 'B', 'C', 'D']);
  const tier = tiers[Math.min(tiers.length - 1, rng.weightedIndex(TIER_WEIGHTS[segment]))]!;
  const [lo, hi] = SEGMENTS[segment].employees;
  const employees = Math.round(Math.exp(rng.float(Math.log(lo), Math.log(hi))));
  const company = companyName(index);
  const place = rng.pick(GEO_PLACES[geo] ?? GEO_PLACES.NA!);
  const tld = rng.weighted(TOP_LEVEL_DOMAINS);
  return {
    index,
    parent: -1,
    segment,
    geo,
    vertical,
    tier,
    employees,
    name: company.name,
    base: company.base,
    label: company.label,
    domain: `${company.label}.${tld}`,
    country: place.country,
    city: rng.pick(place.cities),
  };
}

/** A subsidiary: the parent's vertical and tier, its own geo, the parent's domain on a country TLD. */
function subsidiaryProfile(world: Base, index: number, parent: AccountProfile, ordinal: number): AccountProfile {
  const rng = rngFor(world, 'account', index);
  const segment: SegmentKey =
    parent.segment === 'ENT' ? (rng.bool(0.5) ? 'ENT' : 'MM') : parent.segment === 'MM' && rng.bool(0.4) ? 'SMB' : 'MM';
  const geos = values(world, 'Geo__c', Object.keys(GEO_WEIGHTS)).filter((g) => g !== parent.geo);
  const geo = geos.length ? rng.pick(geos) : parent.geo;
  const places = GEO_PLACES[geo] ?? GEO_PLACES.NA!;
  const place = places[ordinal % places.length]!;
  const [lo, hi] = SEGMENTS[segment].employees;
  return {
    ...parent,
    index,
    parent: parent.index,
    segment,
    geo,
    employees: Math.round(Math.exp(rng.float(Math.log(lo), Math.log(hi)))),
    name: `${parent.base} ${place.country}`,
    base: `${parent.base} ${place.country}`,
    domain: `${parent.label}.${place.tld}`,
    country: place.country,
    city: rng.pick(place.cities),
  };
}

/**
 * The profile of account `index` (subsidiaries follow their parent in the plan). Indices past the
 * plan's accounts are prospect companies that only exist as leads.
 */
export function accountProfile(
  world: Base & { plan: Pick<Plan, 'accounts' | 'parentOf'> },
  index: number,
): AccountProfile {
  const parent = index < world.plan.accounts ? world.plan.parentOf[index]! : -1;
  if (parent < 0) return rootProfile(world, index);
  return subsidiaryProfile(world, index, rootProfile(world, parent), index - parent - 1);
}

/** A root account's profile before the plan exists (the plan decides subsidiaries from it). */
export const rootAccountProfile = rootProfile;

export function employeeBand(employees: number): string {
  if (employees <= 50) return '1-50';
  if (employees <= 200) return '51-200';
  if (employees <= 1000) return '201-1000';
  if (employees <= 5000) return '1001-5000';
  return '5001+';
}

export function arrBand(arr: number): string {
  if (arr < 10_000) return '<10k';
  if (arr < 50_000) return '10k-50k';
  if (arr < 250_000) return '50k-250k';
  if (arr < 1_000_000) return '250k-1M';
  return '1M+';
}

export const emailLocal = (name: { first: string; last: string; suffix: string }, lastFirst = false): string =>
  (lastFirst ? `${name.last}.${name.first}${name.suffix}` : `${name.first}.${name.last}${name.suffix}`).toLowerCase();
