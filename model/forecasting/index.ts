/** Forecasting's part of the model (model/index.ts adds it with defineModel). */
import type { ModelPart, RevOpsModel } from '../../scripts/dsl/index.ts';
import { scoreMeddicc } from './meddicc.ts';
import { forecastingObjects } from './objects.ts';
import { ForecastAdmin, ForecastManager, forecastPermissionSets } from './permissions.ts';
import { forecastingRules } from './rules.ts';

export const forecasting: ModelPart<RevOpsModel> = {
  objects: forecastingObjects,
  validationRules: forecastingRules,
  customPermissions: [ForecastManager, ForecastAdmin],
  permissionSets: forecastPermissionSets,
  flows: [scoreMeddicc],
};
