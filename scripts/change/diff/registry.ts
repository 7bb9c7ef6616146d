/**
 * Which metadata type a source path belongs to. The types come from source-deploy-retrieve's
 * registry (the one the project deploys with), read as data; the few places where
 * sfdx-git-delta — the reference tool whose component lists `revops diff` must equal — reads
 * the layout differently are listed below as data too (in-file children and their keys, folder
 * types, shared folders, types whose deletion only prunes), so that path → type follows the
 * same rules: by extension first (unless two types share it), then by folder.
 */
import sdr from '@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json' with { type: 'json' };

export interface TypeDef {
  readonly xmlName: string;
  readonly directoryName?: string;
  readonly suffix?: string;
  readonly inFolder: boolean;
  /** The component is a content file plus `<name>.<suffix>-meta.xml` (Apex, static resources...). */
  readonly metaFile: boolean;
  readonly parentXmlName?: string;
  /** Folder types that hold several types told apart by extension (reports and their folders, wave...). */
  readonly content?: readonly { readonly suffix: string; readonly xmlName: string }[];
  /** In-file children: the element that holds them in the parent's file and the element that names one. */
  readonly xmlTag?: string;
  readonly key?: string;
  /** In-file children that are never listed on their own (profile sections, translations). */
  readonly excluded?: boolean;
  /** A deleted file of this type is deleted whole (profiles, translations), not pruned child by child. */
  readonly pruneOnly?: boolean;
}

interface SdrType {
  readonly name: string;
  readonly directoryName?: string;
  readonly suffix?: string;
  readonly inFolder?: boolean;
  readonly folderContentType?: string;
  readonly strategies?: { readonly adapter?: string };
  readonly children?: { readonly types: Record<string, SdrChild> };
}
interface SdrChild {
  readonly name: string;
  readonly directoryName?: string;
  readonly suffix?: string;
  readonly xmlElementName?: string;
  readonly uniqueIdElement?: string;
}

const META_FILE_ADAPTERS = new Set(['matchingContentFile', 'mixedContent']);

/** Sections of a profile and of translations: compared by key when deciding whether the file changed, never listed. */
const EXCLUDED_IN_FILE: readonly (readonly [parent: string, tag: string, key: string])[] = [
  ['Profile', 'applicationVisibilities', 'application'],
  ['Profile', 'categoryGroupVisibilities', 'dataCategoryGroup'],
  ['Profile', 'classAccesses', 'apexClass'],
  ['Profile', 'customMetadataTypeAccesses', 'name'],
  ['Profile', 'customPermissions', 'name'],
  ['Profile', 'customSettingAccesses', 'name'],
  ['Profile', 'externalDataSourceAccesses', 'externalDataSource'],
  ['Profile', 'fieldPermissions', 'field'],
  ['Profile', 'flowAccesses', 'flow'],
  ['Profile', 'loginFlows', 'friendlyname'],
  ['Profile', 'layoutAssignments', '<object>'],
  ['Profile', 'loginHours', '<array>'],
  ['Profile', 'loginIpRanges', '<array>'],
  ['Profile', 'objectPermissions', 'object'],
  ['Profile', 'pageAccesses', 'apexPage'],
  ['Profile', 'profileActionOverrides', 'actionName'],
  ['Profile', 'recordTypeVisibilities', 'recordType'],
  ['Profile', 'tabVisibilities', 'tab'],
  ['Profile', 'userPermissions', 'name'],
  ['GlobalValueSetTranslation', 'valueTranslation', 'masterLabel'],
  ['StandardValueSetTranslation', 'valueTranslation', 'masterLabel'],
  ['Translations', 'bots', 'fullName'],
  ['Translations', 'customApplications', 'name'],
  ['Translations', 'customLabels', 'name'],
  ['Translations', 'customPageWebLinks', 'name'],
  ['Translations', 'customTabs', 'name'],
  ['Translations', 'flowDefinitions', 'fullName'],
  ['Translations', 'pipelineInspMetricConfigs', 'name'],
  ['Translations', 'prompts', 'name'],
  ['Translations', 'quickActions', 'name'],
  ['Translations', 'reportTypes', 'name'],
  ['Translations', 'scontrols', 'name'],
  ['CustomObjectTranslation', 'fields', 'name'],
  ['CustomObjectTranslation', 'fieldSets', 'name'],
  ['CustomObjectTranslation', 'layouts', 'layout'],
  ['CustomObjectTranslation', 'namedFilters', 'name'],
  ['CustomObjectTranslation', 'quickActions', 'name'],
  ['CustomObjectTranslation', 'recordTypes', 'name'],
  ['CustomObjectTranslation', 'sharingReasons', 'name'],
  ['CustomObjectTranslation', 'validationRules', 'name'],
  ['CustomObjectTranslation', 'webLinks', 'name'],
  ['CustomObjectTranslation', 'workflowTasks', 'name'],
];

const PRUNE_ONLY = new Set([
  'Profile',
  'Translations',
  'CustomObjectTranslation',
  'GlobalValueSetTranslation',
  'StandardValueSetTranslation',
]);

/** Folders of several types told apart by extension; a report's folder is listed as ReportFolder. */
const SHARED_FOLDERS: readonly Pick<TypeDef, 'xmlName' | 'directoryName' | 'content'>[] = [
  {
    xmlName: 'Report',
    directoryName: 'reports',
    content: [
      { suffix: 'report', xmlName: 'Report' },
      { suffix: 'reportFolder', xmlName: 'ReportFolder' },
    ],
  },
  {
    xmlName: 'Dashboard',
    directoryName: 'dashboards',
    content: [
      { suffix: 'dashboard', xmlName: 'Dashboard' },
      { suffix: 'dashboardFolder', xmlName: 'DashboardFolder' },
    ],
  },
];

/** Parents whose children live inside the parent's own file (workflows, sharing rules, labels, matching rules...). */
const IN_FILE_PARENT = (t: SdrType) => t.strategies?.adapter !== 'decomposed' && t.name !== 'CustomObject';

function buildTypes(): TypeDef[] {
  const types: TypeDef[] = [];
  const shared = new Set(SHARED_FOLDERS.map((s) => s.xmlName));
  for (const t of Object.values(sdr.types as Record<string, SdrType>)) {
    // Folders are members of the type they hold (EmailTemplate `Folder`), as the Metadata API lists them.
    if (t.folderContentType || shared.has(t.name)) continue;
    if (t.name === 'CustomLabels') continue; // the labels file is read through its children (CustomLabel)
    types.push({
      xmlName: t.name,
      directoryName: t.directoryName,
      suffix: t.suffix,
      inFolder: Boolean(t.inFolder),
      metaFile: META_FILE_ADAPTERS.has(t.strategies?.adapter ?? ''),
      pruneOnly: PRUNE_ONLY.has(t.name) || undefined,
    });
    for (const c of Object.values(t.children?.types ?? {})) {
      const inFile = IN_FILE_PARENT(t) && c.xmlElementName;
      if (t.strategies?.adapter === 'decomposed' && t.name !== 'CustomObject') continue; // bots, translations: the parent's folder
      types.push({
        xmlName: c.name,
        // An in-file child shares its parent's file: the file is the parent's, not the child's.
        directoryName: c.directoryName === t.directoryName ? undefined : c.directoryName,
        suffix: c.suffix === t.suffix ? undefined : c.suffix,
        inFolder: false,
        metaFile: false,
        parentXmlName: t.name,
        ...(inFile ? { xmlTag: c.xmlElementName, key: c.uniqueIdElement ?? 'fullName' } : {}),
      });
    }
  }
  types.push({
    xmlName: 'CustomLabel',
    directoryName: 'labels',
    suffix: 'labels',
    inFolder: false,
    metaFile: false,
    parentXmlName: 'CustomLabels',
    xmlTag: 'labels',
    key: 'fullName',
  });
  types.push({
    xmlName: 'MarketingAppExtActivity',
    parentXmlName: 'MarketingAppExtension',
    inFolder: false,
    metaFile: false,
    xmlTag: 'marketingAppExtActivities',
    key: 'fullName',
  });
  for (const s of SHARED_FOLDERS) types.push({ ...s, inFolder: true, metaFile: false });
  for (const [parent, tag, key] of EXCLUDED_IN_FILE)
    types.push({
      xmlName: `${parent}:${tag}`,
      parentXmlName: parent,
      inFolder: false,
      metaFile: false,
      xmlTag: tag,
      key,
      excluded: true,
    });
  return types;
}

/** Types that other types' folders nest under: the deeper folder decides (objects/X/fields → CustomField). */
const TYPES_WITH_SUB_TYPES = new Set(['CustomObject', 'Territory2Model', 'Workflow', 'SharingRules']);
/** Extensions two kinds of file share (`.md` is also Markdown, `.app` two types): the folder decides. */
const UNSAFE_BASE = ['app', 'xml', 'md'];
/** Types whose full path (from their type folder) names them when a delete and an add are compared for a rename. */
export const COMPOSED_TYPES = new Set([
  'CustomObject',
  'CustomObjectTranslation',
  'PermissionSet',
  'Workflow',
  'SharingRules',
  'BusinessProcess',
  'CompactLayout',
  'CustomField',
  'FieldSet',
  'Index',
  'ListView',
  'RecordType',
  'SharingCriteriaRule',
  'SharingGuestRule',
  'SharingOwnerRule',
  'SharingReason',
  'Territory2',
  'Territory2Rule',
  'ValidationRule',
  'WebLink',
  'WorkflowAlert',
  'WorkflowFieldUpdate',
  'WorkflowFlowAction',
  'WorkflowKnowledgePublish',
  'WorkflowOutboundMessage',
  'WorkflowRule',
  'WorkflowSend',
  'WorkflowTask',
]);

export class TypeRegistry {
  readonly types: readonly TypeDef[];
  readonly #byExt = new Map<string, TypeDef>();
  readonly #byDir = new Map<string, TypeDef>();
  readonly #unsafe = new Set(UNSAFE_BASE);
  /** In-file children by the element that holds them (`matchingRules` → MatchingRule). */
  readonly inFile = new Map<string, TypeDef>();
  /** Shared-folder extension → type (`reportFolder` → ReportFolder). */
  readonly sharedContent = new Map<string, string>();

  constructor(types: readonly TypeDef[] = buildTypes()) {
    this.types = types;
    for (const t of types) {
      if (t.suffix) this.#addSuffix(t.suffix, t);
      for (const c of t.content ?? []) {
        this.#addSuffix(c.suffix, t);
        this.sharedContent.set(c.suffix, c.xmlName);
      }
      if (t.directoryName) this.#byDir.set(t.directoryName, t);
      if (t.xmlTag) this.inFile.set(t.xmlTag, t);
    }
  }

  #addSuffix(suffix: string, t: TypeDef): void {
    if (this.#byExt.has(suffix) && this.#byExt.get(suffix)!.xmlName !== t.xmlName) this.#unsafe.add(suffix);
    else this.#byExt.set(suffix, t);
  }

  /** The type of a repository path, or undefined when it is not metadata. */
  typeOf(path: string): TypeDef | undefined {
    const parts = path.split('/');
    const last = parts[parts.length - 1]!.replace(/-meta\.xml$/, '');
    const dot = last.lastIndexOf('.');
    const ext = dot > 0 ? last.slice(dot + 1) : '';
    if (ext && !this.#unsafe.has(ext)) {
      const byExt = this.#byExt.get(ext);
      if (byExt) return byExt;
    }
    let found: TypeDef | undefined;
    for (const part of parts) {
      found = this.#byDir.get(part) ?? found;
      if (found && !TYPES_WITH_SUB_TYPES.has(found.xmlName)) break;
    }
    return found;
  }

  hasDirectory(name: string): boolean {
    return this.#byDir.has(name);
  }

  /** The name compared to pair a deleted path with an added one (a rename or a change of case). */
  comparisonName(path: string): string {
    const type = this.typeOf(path);
    let name = path.slice(path.lastIndexOf('/') + 1);
    if (type && COMPOSED_TYPES.has(type.xmlName)) {
      const parent = path.split('/').find((part) => this.#byDir.has(part));
      if (parent) name = path.slice(path.indexOf(parent)).split('/').join('');
    }
    return name.toLocaleLowerCase();
  }
}

let shared: TypeRegistry | undefined;
/** The registry, built once per process. */
export const typeRegistry = (): TypeRegistry => (shared ??= new TypeRegistry());
