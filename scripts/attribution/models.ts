/**
 * The attribution models of blueprint 002 (phase 2), as positional weights over a journey: the
 * touches of one opportunity in time order, with the milestones marked. Credits are integer cents
 * and add up to the amount exactly (largest remainder, ties to the earlier touch).
 */

export const MODEL_NAMES = ['first-touch', 'last-touch', 'linear', 'u-shaped', 'w-shaped', 'full-path'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export const isModelName = (s: string): s is ModelName => (MODEL_NAMES as readonly string[]).includes(s);

/** Where the milestones of a journey sit (indices into its touches, in time order). */
export interface JourneyShape {
  readonly length: number;
  /** The touch that created the lead (or first made the contact known); 0 when none is marked. */
  readonly leadCreated: number;
  /** The touch the opportunity was created from; the last touch when none is marked. */
  readonly opportunityCreated: number;
}

/** A weight in parts per thousand on one milestone. */
interface Anchor {
  readonly at: (j: JourneyShape) => number;
  readonly perMille: number;
}

interface ModelDef {
  readonly label: string;
  readonly anchors: readonly Anchor[];
  /** What the anchors leave (per mille) is spread evenly over the other touches. */
  readonly description: string;
}

const first = (): number => 0;
const last = (j: JourneyShape) => j.length - 1;
const lead = (j: JourneyShape) => j.leadCreated;
const opp = (j: JourneyShape) => j.opportunityCreated;

export const MODELS: Readonly<Record<ModelName, ModelDef>> = {
  'first-touch': {
    label: 'First touch',
    anchors: [{ at: first, perMille: 1000 }],
    description: '100 % to the first touch',
  },
  'last-touch': {
    label: 'Last touch',
    anchors: [{ at: last, perMille: 1000 }],
    description: '100 % to the last touch before the close',
  },
  linear: { label: 'Linear', anchors: [], description: 'equal shares to every touch' },
  'u-shaped': {
    label: 'U-shaped',
    anchors: [
      { at: first, perMille: 400 },
      { at: lead, perMille: 400 },
    ],
    description: '40 % first touch, 40 % lead creation, 20 % spread over the touches between',
  },
  'w-shaped': {
    label: 'W-shaped',
    anchors: [
      { at: first, perMille: 300 },
      { at: lead, perMille: 300 },
      { at: opp, perMille: 300 },
    ],
    description: '30 % each to first touch, lead creation and opportunity creation, 10 % to the rest',
  },
  'full-path': {
    label: 'Full path',
    anchors: [
      { at: first, perMille: 225 },
      { at: lead, perMille: 225 },
      { at: opp, perMille: 225 },
      { at: last, perMille: 225 },
    ],
    description: '22.5 % each to first touch, lead creation, opportunity creation and the last touch, 10 % to the rest',
  },
};

/**
 * Each touch's share as an integer numerator over a common denominator. Anchors that fall on
 * the same touch add up; the rest goes evenly to the touches no anchor names, or, when every
 * touch is an anchor, evenly to the anchors (so a one-touch journey gets everything).
 */
export function shares(model: ModelName, journey: JourneyShape): { numerators: number[]; denominator: number } {
  const n = journey.length;
  if (n <= 0) return { numerators: [], denominator: 1 };
  const anchors = MODELS[model].anchors.map((a) => ({ index: a.at(journey), perMille: a.perMille }));
  const anchored = new Set(anchors.map((a) => a.index));
  const rest = 1000 - anchors.reduce((s, a) => s + a.perMille, 0);
  const others = [...Array(n).keys()].filter((i) => !anchored.has(i));
  // The rest is split over `others` (or over the anchors): a denominator every split divides.
  const receivers = others.length ? others.length : anchors.length;
  const denominator = 1000 * receivers;
  const numerators = new Array<number>(n).fill(0);
  for (const a of anchors) numerators[a.index]! += a.perMille * receivers;
  if (others.length) for (const i of others) numerators[i]! += rest;
  else for (const a of anchors) numerators[a.index]! += rest;
  return { numerators, denominator };
}

/**
 * Splits `cents` by the model: every touch gets floor(cents × share); the cents left go one each
 * to the touches with the largest remainders, the earlier touch first on a tie (Hamilton's
 * method). The result sums to `cents` exactly.
 */
export function splitCents(cents: bigint, model: ModelName, journey: JourneyShape): bigint[] {
  const { numerators, denominator } = shares(model, journey);
  const den = BigInt(denominator);
  const parts = numerators.map((num) => (cents * BigInt(num)) / den);
  const remainders = numerators.map((num, i) => ({ i, r: (cents * BigInt(num)) % den }));
  let left = cents - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) parts[remainders[k % remainders.length]!.i]! += 1n;
  return parts;
}
