/** Every validation rule of the model on one page, linking to its formula on its object's page. */
import { LOCK, PAGE, objectPage, sortBy, type Catalogue } from '../context.ts';
import { anchor, code, heading, href, link, page, table, text } from '../markdown.ts';

const FROM = PAGE.rules;

export function renderValidationRulesPage(cat: Catalogue): { path: string; content: string } {
  const rules = sortBy(cat.model.validationRules, (r) => `${r.object}.${r.name}`);
  const byObject = sortBy(
    [...new Set(rules.map((r) => r.object))].map((o) => ({ o, n: rules.filter((r) => r.object === o).length })),
    (x) => x.o,
  );
  return {
    path: FROM,
    content: page([
      heading(1, 'Validation rules'),
      `${link('Model catalogue', href(FROM, PAGE.index))} › Validation rules`,
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
