import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import type { TerritoriesModel, TerritoryDef } from './builders.ts';

/** SDR's registry: territory2Models/<Model>/{<Model>.territory2Model, territories/, rules/}; territory2Types/ beside it. */
export const MODEL_DIR = 'territory2Models';
export const TYPES_DIR = 'territory2Types';

/** A territory's account rule is a model-level Territory2Rule named after it, associated locally. */
export const ruleName = (t: TerritoryDef): string => `${t.name}_Rule`;

/**
 * Enterprise Territory Management metadata. The model deploys in Planning state: activating it,
 * assigning users (UserTerritory2Association) and running the assignment rules happen in the org
 * (the Metadata API cannot run rules).
 */
export async function emitTerritories(model: TerritoriesModel): Promise<GeneratedFile[]> {
  const design = model.territoryDesign;
  if (!design) return [];
  const dir = (...s: string[]) => at(MODEL_DIR, design.name, ...s);
  const files: GeneratedFile[] = [
    {
      path: dir(`${design.name}.territory2Model-meta.xml`),
      content: await metadataXml('Territory2Model', { description: design.description, name: design.label }),
    },
  ];
  for (const t of design.types)
    files.push({
      path: at(TYPES_DIR, `${t.name}.territory2Type-meta.xml`),
      content: await metadataXml('Territory2Type', { description: t.description, name: t.label, priority: t.priority }),
    });
  for (const t of design.territories) {
    files.push({ path: dir('territories', `${t.name}.territory2-meta.xml`), content: await territoryXml(t) });
    if (t.rule) files.push({ path: dir('rules', `${ruleName(t)}.territory2Rule-meta.xml`), content: await ruleXml(t) });
  }
  return files;
}

const territoryXml = (t: TerritoryDef) =>
  metadataXml('Territory2', {
    accountAccessLevel: t.accountAccess,
    caseAccessLevel: t.caseAccess,
    contactAccessLevel: t.contactAccess,
    description: t.description,
    name: t.label,
    opportunityAccessLevel: t.opportunityAccess,
    parentTerritory: t.parent,
    ruleAssociations: t.rule ? [{ inherited: false, ruleName: ruleName(t) }] : undefined,
    territory2Type: t.type,
  });

/** Items AND together (no booleanFilter); several values of one item are written comma-separated. */
const ruleXml = (t: TerritoryDef) =>
  metadataXml('Territory2Rule', {
    active: true,
    name: `${t.label} accounts`,
    objectType: 'Account',
    ruleItems: (t.rule ?? []).map((item) => ({
      field: `Account.${item.field}`,
      operation: item.operation,
      value: item.values.join(','),
    })),
  });
