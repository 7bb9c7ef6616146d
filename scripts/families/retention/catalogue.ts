/** The retention page: every rule, what it does after how long, and why. */
import { INDEX_PAGE, LOCK, objectPage, summaryRow, type Catalogue, type CataloguePage } from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { RetentionModel, RetentionRuleDef } from './builders.ts';
import { conditionOf, DATA_STEWARD_PERMISSION_SET, RETENTION_JOB_CLASS } from './emit.ts';
import { RETENTION_PAGE } from './page.ts';

type Cat = Catalogue<RetentionModel>;
const FROM = RETENTION_PAGE;

export const ruleEffect = (rule: RetentionRuleDef): string =>
  rule.action === 'Delete' ? 'deletes the record' : `clears ${rule.fields.join(', ')}`;

function rulesTable(cat: Cat, from: string): string {
  return table(
    ['Rule', 'Object', 'After', 'Counted from', 'Only where', 'Does', 'Why', 'Locked'],
    cat.model.retentionRules.map((r) => [
      code(r.name),
      link(r.object, href(from, objectPage(r.object))),
      `${r.months} months`,
      code(r.clock),
      r.where.length ? code(conditionOf(r)) : 'every record',
      ruleEffect(r),
      text(r.reason),
      r.locked ? LOCK : '',
    ]),
  );
}

export function renderRetentionPage(cat: Cat): CataloguePage {
  return {
    path: FROM,
    content: page([
      heading(1, 'Retention'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Retention`,
      `The generated scheduled Apex \`${RETENTION_JOB_CLASS}\` (\`with sharing\`, queries and DML in user mode) applies ` +
        'these rules: a record whose clock is older than the period (and which meets the condition) has the fields ' +
        'cleared or is deleted, and an `Audit_Event__c` (type Retention) records the rule and the record. A blank clock ' +
        `never expires. Schedule it as a user holding \`${DATA_STEWARD_PERMISSION_SET}\`; ` +
        '`revops retention simulate --dataset DIR` lists what it would do to a dataset.',
      rulesTable(cat, FROM),
    ]),
  };
}

export const retentionCatalogue = {
  pages: (cat: Cat) => (cat.model.retentionRules.length ? [renderRetentionPage(cat)] : []),
  index: (cat: Cat) => ({
    links: cat.model.retentionRules.length
      ? [`${link('Retention', href(INDEX_PAGE, FROM))}: how long personal and operational data is kept`]
      : [],
    summary: [
      summaryRow('Retention rules', cat.model.retentionRules, cat.model.retentionRules.length ? FROM : undefined),
    ],
  }),
};
