/** Enterprise Territory Management: territory model, types, territories and account rules. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import { renderTerritoriesPage, territoriesIndex } from './catalogue.ts';
import { checkTerritories } from './checks.ts';
import { emitTerritories } from './emit.ts';
import type { TerritoriesModel } from './builders.ts';

export type {
  TerritoriesModel,
  TerritoryDef,
  TerritoryDesignDef,
  TerritoryChangeDef,
  TerritoryTypeDef,
  TerritoryRuleItem,
  OverlayRoleDef,
  BalancingCriteria,
} from './builders.ts';
export { ruleItem } from './builders.ts';
export { changeProblem, isFiscalYearStart, MAX_OVERLAY_AES } from './checks.ts';

export const territoryType = locate(builders.territoryType);
export const territory = locate(builders.territory);
export const territoryChange = locate(builders.territoryChange);
export const territoryDesign = locate(builders.territoryDesign);

export const territoriesFamily = defineFamily<TerritoriesModel>({
  name: 'territories',
  sections: { territoryDesign: 'single' },
  check: checkTerritories,
  emit: emitTerritories,
  lockable: (model) => (model.territoryDesign ? [model.territoryDesign] : []),
  catalogue: { pages: (cat) => [renderTerritoriesPage(cat)], index: territoriesIndex },
});
