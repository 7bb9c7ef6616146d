import type { CustomMetadataRecordDef, ObjectDef } from './objects.ts';
import type {
  BusinessProcessDef,
  CustomPermissionDef,
  GlobalValueSetDef,
  LeadStatusesDef,
  OpportunityStagesDef,
  PathDef,
  ValidationRuleDef,
} from './governance.ts';
import type { PermissionSetDef, PermissionSetGroupDef } from './security.ts';
import type { FlowDef } from './automation.ts';
import type { DashboardDef, FolderDef, ReportDef, ReportTypeDef } from './analytics.ts';
import type { DuplicateRuleDef, MatchingRuleDef } from './data-quality.ts';
import type { LeadConvertMappingDef, ScratchOrgDef } from './settings.ts';

/** The whole RevOps model: every definition the generator turns into metadata. */
export interface RevOpsModel {
  readonly objects: readonly ObjectDef[];
  readonly globalValueSets: readonly GlobalValueSetDef[];
  readonly opportunityStages?: OpportunityStagesDef;
  readonly leadStatuses?: LeadStatusesDef;
  readonly businessProcesses: readonly BusinessProcessDef[];
  readonly paths: readonly PathDef[];
  readonly validationRules: readonly ValidationRuleDef[];
  readonly customPermissions: readonly CustomPermissionDef[];
  readonly permissionSets: readonly PermissionSetDef[];
  readonly permissionSetGroups: readonly PermissionSetGroupDef[];
  readonly customMetadataRecords: readonly CustomMetadataRecordDef[];
  readonly flows: readonly FlowDef[];
  readonly folders: readonly FolderDef[];
  readonly reportTypes: readonly ReportTypeDef[];
  readonly reports: readonly ReportDef[];
  readonly dashboards: readonly DashboardDef[];
  readonly matchingRules: readonly MatchingRuleDef[];
  readonly duplicateRules: readonly DuplicateRuleDef[];
  readonly leadConvert?: LeadConvertMappingDef;
  readonly scratchOrg?: ScratchOrgDef;
}

type Section<K extends keyof RevOpsModel> =
  NonNullable<RevOpsModel[K]> extends readonly (infer T)[] ? readonly T[] : RevOpsModel[K];

/**
 * Assembles a model from parts. Any part may be omitted; list parts given several times (say,
 * one module per domain) are concatenated in order.
 */
export function defineModel(...parts: Partial<{ [K in keyof RevOpsModel]: Section<K> }>[]): RevOpsModel {
  const lists = [
    'objects',
    'globalValueSets',
    'businessProcesses',
    'paths',
    'validationRules',
    'customPermissions',
    'permissionSets',
    'permissionSetGroups',
    'customMetadataRecords',
    'flows',
    'folders',
    'reportTypes',
    'reports',
    'dashboards',
    'matchingRules',
    'duplicateRules',
  ] as const;
  const model: Record<string, unknown> = Object.fromEntries(lists.map((k) => [k, []]));
  for (const part of parts) {
    for (const [key, section] of Object.entries(part)) {
      if (section === undefined) continue;
      if ((lists as readonly string[]).includes(key)) (model[key] as unknown[]).push(...(section as unknown[]));
      else if (model[key] !== undefined) throw new Error(`defineModel: "${key}" is defined twice`);
      else model[key] = section;
    }
  }
  return model as unknown as RevOpsModel;
}
