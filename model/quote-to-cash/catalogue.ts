import { sku } from '../../scripts/dsl/index.ts';

/**
 * The SKU catalogue shared by CRM, CPQ and billing (blueprint 000 §4): `{Family}:{Package}:{Metric}`,
 * annual list price per unit, the floor and ceiling no quote may cross, and the entitlements billing
 * provisions. Every product a deal sells comes from here (001 Epic 4: entitlements map to SKU
 * configuration, no custom plan sprawl).
 */
const PACKAGES = {
  Starter: { list: 420, entitlements: ['Core workspace', 'Standard support (business hours)'] },
  Growth: { list: 660, entitlements: ['Core workspace', 'Automation rules', 'Standard support (24x5)'] },
  Enterprise: { list: 950, entitlements: ['Core workspace', 'Automation rules', 'SSO and audit log', 'Sandbox'] },
} as const;

const FAMILIES = {
  Platform: { metric: 'Seat', what: 'RevOps platform' },
  Analytics: { metric: 'Usage', what: 'Revenue analytics' },
  Routing: { metric: 'Seat', what: 'Lead routing' },
  Forecasting: { metric: 'Seat', what: 'Forecasting' },
} as const;

/** Floors at 55 % of list (a 45 % discount is the most anyone may give), ceilings at 110 %. */
const FLOOR = 0.55;
const CEILING = 1.1;

export const baseSkus = Object.entries(FAMILIES).flatMap(([family, f]) =>
  Object.entries(PACKAGES).map(([pkg, p]) =>
    sku(`${family}:${pkg}:${f.metric}`, {
      label: `${f.what}, ${pkg}`,
      listPrice: p.list,
      floor: Math.round(p.list * FLOOR),
      ceiling: Math.round(p.list * CEILING),
      entitlements: [...p.entitlements, `${f.what} (${f.metric.toLowerCase()}-based)`],
      locked: true,
    }),
  ),
);

export const addonSkus = [
  sku('Support:Premium:Account', {
    label: 'Premium support',
    role: 'addon',
    listPrice: 24000,
    floor: 18000,
    ceiling: 30000,
    entitlements: ['Named technical account manager', '1-hour P1 response'],
    requires: [
      'Platform:Growth',
      'Platform:Enterprise',
      'Forecasting:Enterprise',
      'Analytics:Enterprise',
      'Routing:Enterprise',
    ],
    locked: true,
  }),
  sku('Services:Onboarding:Project', {
    label: 'Guided onboarding',
    role: 'addon',
    listPrice: 15000,
    floor: 9000,
    ceiling: 25000,
    entitlements: ['Onboarding project (90 days)', 'Admin training'],
    requires: ['Platform', 'Analytics', 'Routing', 'Forecasting'],
    locked: true,
  }),
];

export const skus = [...baseSkus, ...addonSkus];
