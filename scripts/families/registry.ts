/**
 * The registry of metadata families: the one list that generate, verify, plan, the schema and
 * the catalogue walk. Adding a family is a folder under scripts/families/ and two lines here
 * (its vocabulary in the export list, the family in FAMILIES); its order in FAMILIES is the
 * order of its rows and links on the catalogue's front page.
 */
import type { AnyFamily, Family, SectionKind } from '../core/family.ts';
import { analyticsFamily } from './analytics/index.ts';
import { auditFamily } from './audit/index.ts';
import { classificationFamily } from './classification/index.ts';
import { campaignInfluenceFamily } from './campaign-influence/index.ts';
import { customMetadataFamily } from './custom-metadata/index.ts';
import { dataQualityFamily } from './data-quality/index.ts';
import { flowsFamily } from './flows/index.ts';
import { gtmPlanFamily } from './gtm-plan/index.ts';
import { leadConvertFamily } from './lead-convert/index.ts';
import { lifecycleFamily } from './lifecycle/index.ts';
import { objectsFamily } from './objects/index.ts';
import { orderFormFamily } from './order-form/index.ts';
import { quoteToCashFamily } from './quote-to-cash/index.ts';
import { recordTypesFamily } from './record-types/index.ts';
import { rolesFamily } from './roles/index.ts';
import { retentionFamily } from './retention/index.ts';
import { routingFamily } from './routing/index.ts';
import { scratchOrgFamily } from './scratch-org/index.ts';
import { securityFamily } from './security/index.ts';
import { sharingFamily } from './sharing/index.ts';
import { stagesFamily } from './stages/index.ts';
import { territoriesFamily } from './territories/index.ts';
import { validationRulesFamily } from './validation-rules/index.ts';
import { valueSetsFamily } from './value-sets/index.ts';

export * from './analytics/index.ts';
export * from './audit/index.ts';
export * from './classification/index.ts';
export * from './campaign-influence/index.ts';
export * from './custom-metadata/index.ts';
export * from './data-quality/index.ts';
export * from './flows/index.ts';
export * from './gtm-plan/index.ts';
export * from './lead-convert/index.ts';
export * from './lifecycle/index.ts';
export * from './objects/index.ts';
export * from './order-form/index.ts';
export * from './quote-to-cash/index.ts';
export * from './record-types/index.ts';
export * from './roles/index.ts';
export * from './retention/index.ts';
export * from './routing/index.ts';
export * from './scratch-org/index.ts';
export * from './security/index.ts';
export * from './sharing/index.ts';
export * from './stages/index.ts';
export * from './territories/index.ts';
export * from './validation-rules/index.ts';
export * from './value-sets/index.ts';

export const FAMILIES = [
  objectsFamily,
  validationRulesFamily,
  stagesFamily,
  recordTypesFamily,
  valueSetsFamily,
  securityFamily,
  rolesFamily,
  sharingFamily,
  customMetadataFamily,
  flowsFamily,
  routingFamily,
  lifecycleFamily,
  classificationFamily,
  retentionFamily,
  auditFamily,
  analyticsFamily,
  dataQualityFamily,
  gtmPlanFamily,
  leadConvertFamily,
  quoteToCashFamily,
  orderFormFamily,
  campaignInfluenceFamily,
  territoriesFamily,
  scratchOrgFamily,
] as const;

type OwnOf<F> = F extends Family<infer Own, never> ? Own : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The whole RevOps model: every family's sections. */
export type RevOpsModel = Intersection<OwnOf<(typeof FAMILIES)[number]>>;

/** What a part of the model may hold: any family's sections, list sections as plain arrays. */
export type ModelPart<M> = Partial<{ [K in keyof M]: M[K] }>;

/**
 * Assembles a model from parts, over a list of families (the registry unless said otherwise).
 * Any part may be omitted; list sections given several times (say, one module per domain) are
 * concatenated in order; a single section given twice, or a section no family owns, is an error.
 */
export function defineModelOf<M>(families: readonly AnyFamily[], ...parts: ModelPart<M>[]): M {
  const kinds = new Map<string, SectionKind>(
    families.flatMap((f) => Object.entries(f.sections) as [string, SectionKind][]),
  );
  const model: Record<string, unknown> = {};
  for (const [key, kind] of kinds) if (kind === 'list') model[key] = [];
  for (const part of parts) {
    for (const [key, section] of Object.entries(part)) {
      if (section === undefined) continue;
      const kind = kinds.get(key);
      if (!kind) throw new Error(`defineModel: no metadata family has a section "${key}"`);
      if (kind === 'list') (model[key] as unknown[]).push(...(section as unknown[]));
      else if (model[key] !== undefined) throw new Error(`defineModel: "${key}" is defined twice`);
      else model[key] = section;
    }
  }
  return model as M;
}

/** Assembles the RevOps model from parts (see defineModelOf). */
export const defineModel = (...parts: ModelPart<RevOpsModel>[]): RevOpsModel =>
  defineModelOf<RevOpsModel>(FAMILIES, ...parts);
