import { FORECAST_CATEGORY_LABEL, stageCase, validationRule } from '../../scripts/dsl/index.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { ForecastOverride, notBypassed } from './permissions.ts';
import { opportunityStages } from './stages.ts';

/**
 * Blueprint 000 §5 / 002: the stage sets a deal's forecast category. A sales manager may move it
 * one category up or down (Pipeline ↔ Best Case ↔ Commit) or leave it out (Omitted), never
 * further, and says why; nobody else overrides it. A closed deal forecasts as its stage says.
 */
const CATEGORY_RANK: Record<string, number> = { Pipeline: 1, 'Best Case': 2, Commit: 3, Closed: 4 };
const rankOf = (expression: string) =>
  `CASE(${expression}, ${Object.entries(CATEGORY_RANK)
    .map(([c, r]) => `"${c}", ${r}`)
    .join(', ')}, 0)`;
/** The category the deal's stage gives it, as the org's ForecastCategoryName picklist spells it. */
const stageCategory = stageCase(opportunityStages, 'StageName', (s) => FORECAST_CATEGORY_LABEL[s.forecast], '');
// Salesforce fills a blank category from the stage on save: blank is never an override.
const overridden = `AND(NOT(ISBLANK(TEXT(ForecastCategoryName))), TEXT(ForecastCategoryName) <> ${stageCategory})`;
const touched = 'OR(ISNEW(), ISCHANGED(ForecastCategoryName), ISCHANGED(StageName))';

export const overrideByManager = validationRule(Opp, 'Forecast_Override_By_Manager', {
  formula: `AND(
    ${notBypassed},
    NOT($Permission.${ForecastOverride.name}),
    ${touched},
    ${overridden}
)`,
  message:
    'The forecast category follows the stage: only a sales manager can override it. Leave Forecast Category as the stage sets it.',
  errorField: Opp.field('ForecastCategoryName'),
  locked: true,
});

export const overrideWithinBounds = validationRule(Opp, 'Forecast_Override_Within_Bounds', {
  formula: `AND(
    ${notBypassed},
    ${touched},
    ${overridden},
    OR(
        ISPICKVAL(ForecastCategoryName, "Closed"),
        ${stageCategory} = "Closed",
        ${stageCategory} = "Omitted",
        AND(
            NOT(ISPICKVAL(ForecastCategoryName, "Omitted")),
            ABS(${rankOf('TEXT(ForecastCategoryName)')} - ${rankOf(stageCategory)}) > 1
        )
    )
)`,
  message:
    "A forecast override moves a deal at most one category from its stage's (Pipeline, Best Case, Commit) or to Omitted; a closed deal keeps its stage's category.",
  errorField: Opp.field('ForecastCategoryName'),
  locked: true,
});

export const overrideNeedsReason = validationRule(Opp, 'Forecast_Override_Needs_Reason', {
  formula: `AND(
    ${notBypassed},
    ${touched},
    ${overridden},
    OR(ISBLANK(TEXT(Forecast_Override_Reason__c)), NOT(OR(ISNEW(), ISCHANGED(Forecast_Override_Reason__c))))
)`,
  message: 'Choose the Forecast Override Reason for this override (the reason of an earlier override does not count).',
  errorField: Opp.field('Forecast_Override_Reason__c'),
  locked: true,
});

export const forecastRules = [overrideByManager, overrideWithinBounds, overrideNeedsReason];
