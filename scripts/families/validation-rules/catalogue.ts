/**
 * The rules' catalogue: every validation rule on one page, linking to its formula on its
 * object's page, where the rule's own section sits.
 */
import {
  INDEX_PAGE,
  LOCK,
  lockBadge,
  objectPage,
  sortBy,
  summaryRow,
  type Catalogue,
  type CataloguePage,
  type Ranked,
} from '../../core/catalogue.ts';
import { anchor, code, codeBlock, heading, href, link, page, table, text, yesNo } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import { PERMISSIONS_PAGE } from '../security/page.ts';
import type { ValidationRuleDef } from './builders.ts';
import type { ValidationRulesModel } from './builders.ts';
import { RULES_PAGE } from './page.ts';
import { rulesOf } from './rules-of.ts';

const FROM = RULES_PAGE;

export function renderValidationRulesPage(cat: Catalogue<ValidationRulesModel>): CataloguePage {
  const rules = sortBy(cat.model.validationRules, (r) => `${r.object}.${r.name}`);
  const byObject = sortBy(
    [...new Set(rules.map((r) => r.object))].map((o) => ({ o, n: rules.filter((r) => r.object === o).length })),
    (x) => x.o,
  );
  return {
    path: FROM,
    content: page([
      heading(1, 'Validation rules'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Validation rules`,
      `${rules.length} rules. A rule blocks the save when its formula is true; its formula, message and properties are on its object's page. Rules that check a custom permission let its holders save anyway.`,
      byObject.length
        ? table(
            ['Object', 'Rules'],
            byObject.map(({ o, n }) => [cat.objectLink(FROM, o), n]),
          )
        : undefined,
      rules.length
        ? table(
            ['Object', 'Rule', 'Error shown on', 'Error message', 'Custom permissions checked', 'Active', 'Locked'],
            rules.map((r) => [
              code(r.object),
              cat.object(r.object)
                ? link(code(r.name), href(FROM, objectPage(cat.object(r.object)!.apiName), anchor(r.name)), {
                    raw: true,
                  })
                : code(r.name),
              r.errorField ? code(r.errorField) : 'top of page',
              text(r.message),
              cat.permissionsIn(r.formula).map(code).join(', '),
              r.active,
              r.locked ? LOCK : '',
            ]),
          )
        : 'The model defines no validation rules.',
    ]),
  };
}

/** Properties and formula of one validation rule (shared with nothing else: rules live on their object's page). */
function ruleBlock(cat: Catalogue<ValidationRulesModel>, rule: ValidationRuleDef, from: string): string[] {
  const bypass = cat.permissionsIn(rule.formula);
  const origin = cat.origin(rule);
  const errorField = rule.errorField
    ? `${code(rule.errorField)}${cat.fieldLabel(rule.object, rule.errorField) ? ` (${text(cat.fieldLabel(rule.object, rule.errorField))})` : ''}`
    : 'top of the page';
  const rows: [string, string][] = [
    ['Active', yesNo(rule.active)],
    ['Error message', text(rule.message)],
    ['Error shown on', errorField],
    [
      'Custom permissions checked',
      bypass.length
        ? bypass.map((p) => link(code(p), href(from, PERMISSIONS_PAGE, anchor(p)), { raw: true })).join(', ')
        : 'none',
    ],
    ['Locked', rule.locked ? `${LOCK} yes` : 'no'],
  ];
  if (origin) rows.push(['Defined in', code(origin)]);
  return [
    heading(3, rule.name),
    rule.locked ? lockBadge('rule') : undefined,
    rule.description ? text(rule.description) : undefined,
    table(['Property', 'Value'], rows),
    'The save is blocked when this formula is true:',
    codeBlock(rule.formula),
  ].filter((b): b is string => b !== undefined);
}

function rulesSection(cat: Catalogue<ValidationRulesModel>, object: ObjectDef, from: string): string[] {
  const rules = rulesOf(cat.model, object.apiName);
  if (rules.length === 0) return [heading(2, 'Validation rules'), 'None.'];
  return [
    heading(2, 'Validation rules'),
    table(
      ['Rule', 'Error shown on', 'Custom permissions checked', 'Active', 'Locked'],
      rules.map((r) => [
        link(code(r.name), `#${anchor(r.name)}`, { raw: true }),
        r.errorField ? code(r.errorField) : 'top of page',
        cat.permissionsIn(r.formula).map(code).join(', '),
        r.active,
        r.locked ? LOCK : '',
      ]),
    ),
    ...rules.flatMap((r) => ruleBlock(cat, r, from)),
  ];
}

/** An object's page shows its rules after its fields and formulas. */
export const ruleSections = (
  cat: Catalogue<ValidationRulesModel>,
  object: ObjectDef,
  from: string,
): Ranked<string[]>[] => [{ rank: 30, value: rulesSection(cat, object, from) }];

export const rulesIndex = (cat: Catalogue<ValidationRulesModel>) => ({
  links: [
    `${link('Validation rules', href(INDEX_PAGE, RULES_PAGE))}: every rule, its message and the permissions that bypass it`,
  ],
  summary: [summaryRow('Validation rules', cat.model.validationRules, RULES_PAGE)],
});
