/** The territory design's catalogue page: hierarchy, rules, overlay roles, balancing, change log. */
import { INDEX_PAGE, lockBadge, summarySingle, type Catalogue, type CataloguePage } from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { TerritoriesModel, TerritoryDef, TerritoryDesignDef } from './builders.ts';
import { changeProblem } from './checks.ts';
import { TERRITORIES_PAGE } from './page.ts';

type Cat = Catalogue<TerritoriesModel>;
const FROM = TERRITORIES_PAGE;

const ruleText = (t: TerritoryDef): string =>
  t.named
    ? 'named accounts, by relationship'
    : t.rule
      ? t.rule.map((i) => `${code(i.field)} ${i.operation} ${i.values.map((v) => code(v)).join(' or ')}`).join(' and ')
      : 'roll-up (no rule)';

/** Territories depth-first from the roots, each with its depth. */
function hierarchy(design: TerritoryDesignDef): { t: TerritoryDef; depth: number }[] {
  const out: { t: TerritoryDef; depth: number }[] = [];
  const visit = (parent: string | undefined, depth: number) => {
    for (const t of design.territories.filter((x) => x.parent === parent)) {
      out.push({ t, depth });
      visit(t.name, depth + 1);
    }
  };
  visit(undefined, 0);
  return out;
}

function policyBlocks(design: TerritoryDesignDef): string[] {
  const b = design.balancing;
  return [
    heading(2, 'Balancing (002 territory-design.yaml)'),
    table(
      ['Factor', 'Weight'],
      [
        ['Total addressable accounts', `${b.addressableAccounts} %`],
        ['Historical revenue potential', `${b.revenuePotential} %`],
        ['Current pipeline value', `${b.pipeline} %`],
        ['Account density (effort to cover)', `${b.density} %`],
      ],
    ),
    `No rep holds more than ${design.maxTamRatio}× another rep's TAM; quarterly open pipeline should cover ${design.pipelineCoverage}× the territory's bookings run-rate; new territories get ${Math.round(100 * design.newTerritoryPipelineSeed)} % pipeline seed from marketing. ${code('revops territory plan')} scores a dataset against this.`,
    heading(2, 'Overlay roles'),
    table(
      ['Role', 'Label', 'Shared across at most'],
      design.overlayRoles.map((r) => [code(r.name), text(r.label), `${r.maxAEs} AEs`]),
    ),
    heading(2, 'Changes'),
    `Territory changes land on the first day of the fiscal year (starting month ${design.fiscalYearStartMonth}); mid-year only for ${design.changeExceptions.join(', ')}, with the record that approved it.`,
    design.changes.length
      ? table(
          ['Effective', 'Territory', 'Change', 'Exception', 'Allowed'],
          design.changes.map((c) => [
            c.effective,
            code(c.territory),
            text(c.summary),
            c.exception ? `${c.exception.reason} (${text(c.exception.record)})` : '',
            changeProblem(design, c) ? 'no' : 'yes',
          ]),
        )
      : 'No recorded changes.',
  ];
}

export function renderTerritoriesPage(cat: Cat): CataloguePage {
  const design = cat.model.territoryDesign;
  const blocks: (string | undefined)[] = [
    heading(1, 'Territories'),
    `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Territories`,
  ];
  if (!design) blocks.push('The model defines no territory design.');
  else
    blocks.push(
      design.locked ? lockBadge('territory design') : undefined,
      `Enterprise Territory Management model ${code(design.name)} (${text(design.label)}). ${text(design.description ?? '')}`,
      heading(2, 'Territory types'),
      table(
        ['Type', 'Label', 'Priority'],
        design.types.map((t) => [code(t.name), text(t.label), t.priority]),
      ),
      heading(2, 'Hierarchy'),
      table(
        ['Territory', 'Label', 'Type', 'Accounts', 'Account / opportunity access'],
        hierarchy(design).map(({ t, depth }) => [
          `${'  '.repeat(depth).replace(/ /g, '&nbsp;')}${code(t.name)}`,
          text(t.label),
          code(t.type),
          ruleText(t),
          `${t.accountAccess} / ${t.opportunityAccess}`,
        ]),
      ),
      ...policyBlocks(design),
    );
  return { path: FROM, content: page(blocks) };
}

export const territoriesIndex = (cat: Cat) => {
  const design = cat.model.territoryDesign;
  return {
    links: [`${link('Territories', href(INDEX_PAGE, FROM))}: territory model, rules, overlay roles, balancing`],
    summary: [
      summarySingle('Territories', design && { locked: design.locked, length: design.territories.length }, FROM),
    ],
  };
};
