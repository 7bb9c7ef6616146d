import { fieldPath, originOf, type FieldRef, type FlowStep, type RevOpsModel } from '../dsl/index.ts';
import { buildSchema } from '../schema/build.ts';
import { resolveFieldPath } from '../schema/resolve.ts';
import { isStandardObject } from '../schema/standard-objects.ts';
import type { Schema } from '../schema/types.ts';
import { reportColumn } from '../metadata/emitters/analytics.ts';

/** One problem in the model: which component, where it was defined, what is wrong. */
export interface ModelIssue {
  readonly component: string;
  readonly origin?: string;
  readonly message: string;
}

export class ModelError extends Error {
  readonly issues: readonly ModelIssue[];
  constructor(issues: readonly ModelIssue[]) {
    super(
      `The model has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map(formatIssue).join('\n')}`,
    );
    this.issues = issues;
  }
}

export const formatIssue = (i: ModelIssue): string => `  ${i.origin ?? 'model'}: ${i.component}: ${i.message}`;

const MAX_TRACKED_FIELDS = 20;
/** Salesforce API names: a letter first, then letters, digits and single underscores, not ending in one. */
const API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;

/** Checks the model against Salesforce's rules before anything is generated. */
export function validateModel(model: RevOpsModel): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const schema = buildSchema(model);
  const report = (def: object, component: string, message: string) =>
    issues.push({ component, origin: originOf(def), message });

  const apiName = (def: object, component: string, name: string, suffix = '', max = 40) => {
    const bare = suffix && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
    if (suffix && !name.endsWith(suffix)) report(def, component, `API name "${name}" must end in ${suffix}`);
    else if (!API_NAME.test(bare)) {
      report(
        def,
        component,
        `invalid API name "${name}": use letters, digits and single underscores, start with a letter, don't end with an underscore`,
      );
    } else if (bare.length > max) report(def, component, `API name "${name}" is longer than ${max} characters`);
  };
  /** Reports items whose key (case-insensitive, as Salesforce compares API names) repeats. */
  const unique = <T>(
    items: readonly T[],
    key: (t: T) => string,
    component: (t: T) => string,
    noun: string,
    owner?: object,
  ) => {
    const seen = new Set<string>();
    for (const item of items) {
      const k = key(item).toLowerCase();
      if (seen.has(k))
        report(
          owner && !originOf(item as object) ? owner : (item as object),
          component(item),
          `duplicate ${noun}: "${key(item)}" is defined twice`,
        );
      seen.add(k);
    }
  };
  const fieldExists = (def: object, component: string, ref: FieldRef, usage: string) => {
    const object = schema.object(ref.object);
    if (!object) report(def, component, `${usage} names unknown object ${ref.object}`);
    else if (!object.field(ref.field))
      report(def, component, `${usage} names unknown field ${fieldPath(ref)}${suggest(schema, ref)}`);
  };

  // Objects and fields
  unique(
    model.objects,
    (o) => o.apiName,
    (o) => `CustomObject ${o.apiName}`,
    'object',
  );
  for (const object of model.objects) {
    const c = `CustomObject ${object.apiName}`;
    if (!object.standard) apiName(object, c, object.apiName, object.customMetadata ? '__mdt' : '__c');
    else if (!isStandardObject(object.apiName))
      report(object, c, `unknown standard object ${object.apiName} (not in the standard-object catalogue)`);
    let tracked = 0;
    for (const [name, field] of Object.entries(object.fields)) {
      const fc = `CustomField ${object.apiName}.${name}`;
      apiName(object, fc, name, '__c');
      if (field.label.length > 40) report(object, fc, `label "${field.label}" is longer than 40 characters`);
      if (field.trackHistory) tracked += 1;
      if (object.standard === false && object.customMetadata && field.trackHistory)
        report(object, fc, 'custom metadata fields cannot track history');
      if (field.type === 'Picklist' || field.type === 'MultiselectPicklist') {
        if (field.valueSet && !model.globalValueSets.some((s) => s.name === field.valueSet)) {
          report(object, fc, `uses unknown global value set "${field.valueSet}"`);
        }
        const values = field.values ?? [];
        if (!field.valueSet && values.length === 0) report(object, fc, 'picklist has no values');
        unique(
          values,
          (v) => v.name,
          () => fc,
          'picklist value',
          object,
        );
        if (field.valueSet && field.defaultValue !== undefined) {
          report(
            object,
            fc,
            `a picklist using global value set "${field.valueSet}" takes its default from the value set, not from the field`,
          );
        } else if (field.defaultValue !== undefined && !values.some((v) => v.name === field.defaultValue)) {
          report(
            object,
            fc,
            `default "${field.defaultValue}" is not one of the values (${values.map((v) => v.name).join(', ')})`,
          );
        }
      }
      if (field.type === 'Lookup' || field.type === 'MasterDetail') {
        if (!schema.object(field.referenceTo))
          report(object, fc, `${field.type.toLowerCase()} to unknown object ${field.referenceTo}`);
        apiName(object, fc, field.relationshipName);
        if (field.type === 'MasterDetail' && !object.standard && object.sharingModel !== 'ControlledByParent') {
          report(object, fc, 'an object with a master-detail field must use sharingModel ControlledByParent');
        }
      }
      if (field.type === 'Text' && (field.length < 1 || field.length > 255))
        report(object, fc, `text length ${field.length} is outside 1..255`);
      if ((field.type === 'LongTextArea' || field.type === 'Html') && (field.length < 256 || field.length > 131072)) {
        report(object, fc, `length ${field.length} is outside 256..131072`);
      }
      if (
        (field.type === 'Number' || field.type === 'Currency' || field.type === 'Percent') &&
        (field.scale > field.precision || field.precision > 18)
      ) {
        report(
          object,
          fc,
          `precision ${field.precision} / scale ${field.scale} is invalid (precision ≤ 18, scale ≤ precision)`,
        );
      }
    }
    if (object.standard) {
      for (const [name, settings] of Object.entries(object.standardFields)) {
        if (!schema.object(object.apiName)?.field(name))
          report(object, `CustomField ${object.apiName}.${name}`, `unknown standard field ${object.apiName}.${name}`);
        if (settings.trackHistory) tracked += 1;
      }
    }
    if (tracked > MAX_TRACKED_FIELDS)
      report(object, c, `${tracked} fields track history; Salesforce allows at most ${MAX_TRACKED_FIELDS} per object`);
    const relationships = Object.values(object.fields).flatMap((f) =>
      f.type === 'Lookup' || f.type === 'MasterDetail' ? [{ ...f, key: `${f.referenceTo}.${f.relationshipName}` }] : [],
    );
    unique(
      relationships,
      (r) => r.key,
      () => `CustomObject ${object.apiName}`,
      'relationship name',
      object,
    );
  }

  // Picklist value sets
  unique(
    model.globalValueSets,
    (s) => s.name,
    (s) => `GlobalValueSet ${s.name}`,
    'global value set',
  );
  for (const set of model.globalValueSets) {
    apiName(set, `GlobalValueSet ${set.name}`, set.name);
    unique(
      set.values,
      (v) => v.name,
      () => `GlobalValueSet ${set.name}`,
      'value',
      set,
    );
  }
  const stages = model.opportunityStages;
  if (stages) {
    const c = 'StandardValueSet OpportunityStage';
    unique(
      stages.stages,
      (s) => s.name,
      () => c,
      'stage',
      stages,
    );
    for (const s of stages.stages) {
      if (s.probability < 0 || s.probability > 100)
        report(stages, c, `stage "${s.name}" has probability ${s.probability}, outside 0..100`);
      if (s.won && !s.closed) report(stages, c, `stage "${s.name}" is won but not closed`);
      if (s.closed && s.forecast !== 'Closed' && s.forecast !== 'Omitted')
        report(stages, c, `closed stage "${s.name}" must forecast as Closed or Omitted`);
      for (const criterion of s.exit) fieldExists(stages, c, criterion.field, `exit criterion of "${s.name}"`);
      if (s.closed && s.exit.length) report(stages, c, `closed stage "${s.name}" cannot have exit criteria`);
    }
    if (!stages.stages.some((s) => s.won)) report(stages, c, 'no Closed Won stage');
    if (!stages.stages.some((s) => s.closed && !s.won)) report(stages, c, 'no Closed Lost stage');
    if (stages.bypassPermission && !schema.hasCustomPermission(stages.bypassPermission)) {
      report(stages, c, `bypass permission "${stages.bypassPermission}" is not a custom permission of the model`);
    }
  }
  const leads = model.leadStatuses;
  if (leads) {
    const c = 'StandardValueSet LeadStatus';
    unique(
      leads.statuses,
      (s) => s.name,
      () => c,
      'lead status',
      leads,
    );
    if (leads.statuses.filter((s) => s.default).length !== 1)
      report(leads, c, 'exactly one lead status must be the default');
    if (!leads.statuses.some((s) => s.converted))
      report(leads, c, 'at least one lead status must be a converted status');
  }
  unique(
    model.businessProcesses,
    (p) => `${p.object}.${p.name}`,
    (p) => `BusinessProcess ${p.object}.${p.name}`,
    'business process',
  );
  unique(
    model.paths,
    (p) => p.name,
    (p) => `PathAssistant ${p.name}`,
    'path',
  );
  for (const process of model.businessProcesses) {
    const c = `BusinessProcess ${process.object}.${process.name}`;
    apiName(process, c, process.name);
    const known =
      process.object === 'Opportunity' ? stages?.stages.map((s) => s.name) : leads?.statuses.map((s) => s.name);
    for (const v of process.values)
      if (!known?.includes(v))
        report(
          process,
          c,
          `"${v}" is not a ${process.object === 'Opportunity' ? 'stage' : 'lead status'} of the model`,
        );
  }
  for (const p of model.paths) {
    const c = `PathAssistant ${p.name}`;
    const values = schema.object(p.object)?.field(p.field)?.picklistValues ?? [];
    for (const step of p.steps) {
      if (!values.includes(step.value)) report(p, c, `step "${step.value}" is not a value of ${p.object}.${p.field}`);
      for (const f of step.fields) fieldExists(p, c, f, `step "${step.value}"`);
    }
  }

  // Rules and permissions
  unique(
    model.validationRules,
    (r) => `${r.object}.${r.name}`,
    (r) => `ValidationRule ${r.object}.${r.name}`,
    'validation rule',
  );
  for (const rule of model.validationRules) {
    const c = `ValidationRule ${rule.object}.${rule.name}`;
    apiName(rule, c, rule.name);
    if (!schema.object(rule.object)) report(rule, c, `unknown object ${rule.object}`);
    if (rule.errorField) fieldExists(rule, c, { object: rule.object, field: rule.errorField }, 'error location');
    if (rule.message.length > 255)
      report(rule, c, `error message is ${rule.message.length} characters; the limit is 255`);
    if (rule.formula.length > 3900) report(rule, c, `formula is ${rule.formula.length} characters; the limit is 3900`);
  }
  unique(
    model.customPermissions,
    (p) => p.name,
    (p) => `CustomPermission ${p.name}`,
    'custom permission',
  );
  for (const p of model.customPermissions) apiName(p, `CustomPermission ${p.name}`, p.name);
  unique(
    model.permissionSets,
    (p) => p.name,
    (p) => `PermissionSet ${p.name}`,
    'permission set',
  );
  for (const set of model.permissionSets) {
    const c = `PermissionSet ${set.name}`;
    apiName(set, c, set.name);
    for (const [object, a] of Object.entries(set.objects)) {
      if (!schema.object(object)) report(set, c, `object permission names unknown object ${object}`);
      if (a.delete && !a.edit) report(set, c, `${object}: Delete requires Edit (Salesforce rejects the combination)`);
      if (a.modifyAll && !(a.viewAll && a.delete)) report(set, c, `${object}: Modify All requires View All and Delete`);
    }
    for (const p of set.customPermissions)
      if (!schema.hasCustomPermission(p)) report(set, c, `grants unknown custom permission ${p}`);
    for (const t of set.customMetadataTypes)
      if (!t.endsWith('__mdt') || !schema.object(t)) report(set, c, `grants unknown custom metadata type ${t}`);
    for (const access of set.fields) {
      fieldExists(set, c, access.field, 'field permission');
      const field = schema.object(access.field.object)?.field(access.field.field);
      if (!field) continue;
      if (!field.custom && !field.nillable)
        report(set, c, `${fieldPath(access.field)} is always required; Salesforce rejects field permissions on it`);
      else if (field.custom && !field.nillable)
        report(
          set,
          c,
          `${fieldPath(access.field)} is a required field; its access comes with the object, so it cannot be listed`,
        );
      if (access.edit && field.calculated)
        report(set, c, `${fieldPath(access.field)} is a formula field and cannot be editable`);
      const objectAccess = set.objects[access.field.object];
      if (!objectAccess?.read)
        report(set, c, `grants ${fieldPath(access.field)} without read access to ${access.field.object}`);
    }
  }
  unique(
    model.permissionSetGroups,
    (g) => g.name,
    (g) => `PermissionSetGroup ${g.name}`,
    'permission set group',
  );
  for (const group of model.permissionSetGroups) {
    const c = `PermissionSetGroup ${group.name}`;
    apiName(group, c, group.name);
    for (const p of group.permissionSets)
      if (!model.permissionSets.some((s) => s.name === p)) report(group, c, `includes unknown permission set ${p}`);
  }

  // Custom metadata records
  unique(
    model.customMetadataRecords,
    (r) => `${r.type}.${r.name}`,
    (r) => `CustomMetadata ${r.type}.${r.name}`,
    'custom metadata record',
  );
  for (const record of model.customMetadataRecords) {
    const c = `CustomMetadata ${record.type}.${record.name}`;
    apiName(record, c, record.name);
    const type = schema.object(record.type);
    if (!type || !record.type.endsWith('__mdt')) report(record, c, `unknown custom metadata type ${record.type}`);
    else
      for (const field of Object.keys(record.values))
        if (!type.field(field)) report(record, c, `unknown field ${record.type}.${field}`);
    if (record.label.length > 40) report(record, c, `label "${record.label}" is longer than 40 characters`);
  }

  // Automation
  unique(
    model.flows,
    (f) => f.name,
    (f) => `Flow ${f.name}`,
    'flow',
  );
  for (const flow of model.flows) {
    const c = `Flow ${flow.name}`;
    apiName(flow, c, flow.name, '', 80);
    const object = flow.start.object;
    if (object && !schema.object(object)) report(flow, c, `starts on unknown object ${object}`);
    for (const f of flow.start.filters) if (object) fieldExists(flow, c, { object, field: f.field }, 'entry condition');
    for (const ref of flowRecordReferences(flow)) {
      if (!object || resolveFieldPath(schema, object, ref)) continue;
      if (ref.includes('.')) report(flow, c, `a $Record reference names unknown field path ${object}.${ref}`);
      else fieldExists(flow, c, { object, field: ref }, 'a $Record reference');
    }
    for (const step of flowSteps(flow.steps)) {
      if (step.step === 'assign' || step.step === 'decision') continue;
      const [target, filters] =
        step.step === 'createRecord'
          ? [step.object, []]
          : 'object' in step.target
            ? [step.target.object, step.target.filters.map((f) => f.field)]
            : [object, []];
      if (!target) continue;
      if (!schema.object(target)) {
        report(flow, c, `step "${step.name}" names unknown object ${target}`);
        continue;
      }
      for (const field of [...Object.keys(step.set), ...filters])
        fieldExists(flow, c, { object: target, field }, `step "${step.name}"`);
    }
  }

  // Analytics
  const folderNames = new Set(model.folders.map((f) => `${f.folderType}:${f.name}`));
  unique(
    model.folders,
    (f) => `${f.folderType}:${f.name}`,
    (f) => `${f.folderType}Folder ${f.name}`,
    'folder',
  );
  for (const f of model.folders) apiName(f, `${f.folderType}Folder ${f.name}`, f.name);
  unique(
    model.reportTypes,
    (r) => r.name,
    (r) => `ReportType ${r.name}`,
    'report type',
  );
  unique(
    model.dashboards,
    (d) => `${d.folder}/${d.name}`,
    (d) => `Dashboard ${d.folder}/${d.name}`,
    'dashboard',
  );
  for (const rt of model.reportTypes) {
    const c = `ReportType ${rt.name}`;
    apiName(rt, c, rt.name);
    if (!schema.object(rt.baseObject)) report(rt, c, `unknown base object ${rt.baseObject}`);
    for (const s of rt.sections) for (const f of s.fields) fieldExists(rt, c, f, `section "${s.label}"`);
  }
  unique(
    model.reports,
    (r) => `${r.folder}/${r.name}`,
    (r) => `Report ${r.folder}/${r.name}`,
    'report',
  );
  for (const r of model.reports) {
    const c = `Report ${r.folder}/${r.name}`;
    apiName(r, c, r.name);
    if (!folderNames.has(`Report:${r.folder}`))
      report(r, c, `folder "${r.folder}" is not a report folder of the model`);
    const rt = model.reportTypes.find((t) => t.name === r.reportType);
    const available = new Set(rt?.sections.flatMap((s) => s.fields.map(reportColumn)) ?? []);
    const used = [
      ...r.columns.map((col) => col.field),
      ...r.groupBy,
      ...r.filters.map((f) => f.field),
      ...(r.dateFilter ? [r.dateFilter.field] : []),
    ];
    for (const f of used)
      if (!available.has(reportColumn(f))) report(r, c, `column ${fieldPath(f)} is not in report type ${r.reportType}`);
  }
  for (const d of model.dashboards) {
    const c = `Dashboard ${d.folder}/${d.name}`;
    apiName(d, c, d.name);
    if (!folderNames.has(`Dashboard:${d.folder}`))
      report(d, c, `folder "${d.folder}" is not a dashboard folder of the model`);
    for (const comp of d.components) {
      if (!model.reports.includes(comp.report))
        report(d, c, `component "${comp.title}" uses a report that is not in the model`);
      if (comp.groupBy && !comp.report.groupBy.some((g) => fieldPath(g) === fieldPath(comp.groupBy!))) {
        report(
          d,
          c,
          `component "${comp.title}" groups by ${fieldPath(comp.groupBy)}, which the report does not group by`,
        );
      }
    }
  }

  // Data quality and settings
  unique(
    model.matchingRules,
    (r) => `${r.object}.${r.name}`,
    (r) => `MatchingRule ${r.object}.${r.name}`,
    'matching rule',
  );
  unique(
    model.duplicateRules,
    (r) => `${r.object}.${r.name}`,
    (r) => `DuplicateRule ${r.object}.${r.name}`,
    'duplicate rule',
  );
  for (const rule of model.matchingRules) {
    const c = `MatchingRule ${rule.object}.${rule.name}`;
    apiName(rule, c, rule.name);
    for (const item of rule.items) fieldExists(rule, c, item.field, 'matching item');
  }
  for (const rule of model.duplicateRules) {
    const c = `DuplicateRule ${rule.object}.${rule.name}`;
    apiName(rule, c, rule.name);
    for (const m of rule.matchingRules) {
      if (!model.matchingRules.some((r) => r.object === m.object && r.name === m.rule))
        report(rule, c, `uses unknown matching rule ${m.object}.${m.rule}`);
    }
  }
  if (model.leadConvert) {
    const c = 'LeadConvertSettings';
    for (const m of model.leadConvert.mappings) {
      fieldExists(model.leadConvert, c, m.from, 'mapping source');
      fieldExists(model.leadConvert, c, m.to, 'mapping target');
      if (m.from.object !== 'Lead')
        report(model.leadConvert, c, `mapping source ${fieldPath(m.from)} is not a Lead field`);
      const from = schema.object(m.from.object)?.field(m.from.field);
      const to = schema.object(m.to.object)?.field(m.to.field);
      if (from && to && from.type !== to.type)
        report(
          model.leadConvert,
          c,
          `${fieldPath(m.from)} (${from.type}) cannot map to ${fieldPath(m.to)} (${to.type})`,
        );
    }
  }
  return issues;
}

/** `$Record.X` / `$Record__Prior.X` field names a flow reads or writes. */
export function flowRecordReferences(flow: RevOpsModel['flows'][number]): string[] {
  const text = JSON.stringify({ steps: flow.steps, formulas: flow.formulas });
  return [
    ...new Set([...text.matchAll(/\$Record(?:__Prior)?\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)/g)].map((m) => m[1]!)),
  ];
}

/** Every step of a flow, the steps inside decision outcomes included. */
function flowSteps(steps: readonly FlowStep[]): FlowStep[] {
  return steps.flatMap((s) => (s.step === 'decision' ? [s, ...s.outcomes.flatMap((o) => flowSteps(o.then))] : [s]));
}

function suggest(schema: Schema, ref: FieldRef): string {
  const fields = schema.object(ref.object)?.fields() ?? [];
  const wanted = ref.field.toLowerCase().replace(/__c$/, '');
  const close = fields
    .map((f) => f.name)
    .filter((n) => {
      const name = n.toLowerCase().replace(/__c$/, '');
      return name.includes(wanted) || wanted.includes(name) || distance(name, wanted) <= 2;
    });
  return close.length ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length]!;
}
