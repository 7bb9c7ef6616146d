import { campaignInfluenceModel } from '../../scripts/dsl/index.ts';

/**
 * One customizable campaign influence model per attribution model of blueprint 002 phase 2:
 * `revops attribution push --model M` writes CampaignInfluence records under RevOps_<M>. Locked:
 * the credit is computed offline and written by the API, never typed. U-shaped is the default,
 * where the blueprint's decision rule starts (tests/attribution/influence.test.ts keeps these in
 * step with scripts/attribution/models.ts).
 */
const shapes = [
  ['First_Touch', 'First touch', '100 % to the first touch'],
  ['Last_Touch', 'Last touch', '100 % to the last touch before the close'],
  ['Linear', 'Linear', 'equal shares to every touch'],
  ['U_Shaped', 'U-shaped', '40 % first touch, 40 % lead creation, 20 % spread over the touches between'],
  ['W_Shaped', 'W-shaped', '30 % each to first touch, lead creation and opportunity creation, 10 % to the rest'],
  [
    'Full_Path',
    'Full path',
    '22.5 % each to first touch, lead creation, opportunity creation and the last touch, 10 % to the rest',
  ],
] as const;

export const influenceModels = shapes.map(([name, label, description]) =>
  campaignInfluenceModel(`RevOps_${name}`, {
    label: `RevOps ${label}`,
    description: `Attribution (revops attribution push): ${description}.`,
    active: true,
    isDefault: name === 'U_Shaped',
    modelLocked: true,
    locked: true,
  }),
);
