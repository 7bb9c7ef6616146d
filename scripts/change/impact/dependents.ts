/**
 * The dependents probe of `revops impact`: for every field whose definition changed or that was
 * deleted between the two revisions, the definitions of the model that read it — validation
 * rules, formula fields, flows, reports, dashboards' reports, permission sets, duplicate
 * rules, paths, lead-convert mappings — so a reviewer sees what a type change or a deletion
 * reaches beyond the field itself.
 *
 * Definitions are plain data (every one carries `kind`), so this walks them rather than asking
 * each family: a typed reference (`{ object, field }`) is an exact match; a formula or flow
 * reference is matched by name in the definition's own object (`Amount`, `$Record.Amount`) or
 * through the object's name (`Account.Segment__c`). Matching by name may list a definition that
 * reads a same-named field through another path; it does not miss one that names the field.
 */
import type { RevOpsModel } from '../../families/registry.ts';
import type { ImpactProbe, ImpactProbeInput, ImpactSection, ImpactSubject } from './types.ts';

export const READ_BY = 'read by';

type Def = Record<string, unknown>;
const isDef = (x: unknown): x is Def => Boolean(x) && typeof x === 'object' && !Array.isArray(x);

/** `Object.Field` → the field's definition (JSON), for every field of every object. */
function fieldsOf(model: RevOpsModel): Map<string, string> {
  const fields = new Map<string, string>();
  for (const o of model.objects)
    for (const [name, def] of Object.entries(o.fields)) fields.set(`${o.apiName}.${name}`, JSON.stringify(def));
  return fields;
}

/** A reader: one definition, what it is called, the objects its bare names refer to. */
interface Reader {
  readonly name: string;
  readonly context: ReadonlySet<string>;
  readonly value: unknown;
}

const LABELS: Readonly<Record<string, string>> = {
  validationRule: 'ValidationRule',
  flow: 'Flow',
  report: 'Report',
  dashboard: 'Dashboard',
  reportType: 'ReportType',
  permissionSet: 'PermissionSet',
  permissionSetGroup: 'PermissionSetGroup',
  duplicateRule: 'DuplicateRule',
  matchingRule: 'MatchingRule',
  path: 'PathAssistant',
  recordType: 'RecordType',
  businessProcess: 'BusinessProcess',
  customMetadataRecord: 'CustomMetadata',
};

function readerOf(def: Def, section: string): Reader {
  const kind = typeof def.kind === 'string' ? def.kind : section;
  const object = typeof def.object === 'string' ? def.object : undefined;
  const start = isDef(def.start) && typeof def.start.object === 'string' ? def.start.object : undefined;
  const own = String(def.name ?? def.apiName ?? def.label ?? section);
  const name = `${LABELS[kind] ?? kind} ${object && !own.includes('.') ? `${object}.` : ''}${own}`;
  return { name, context: new Set([object, start].filter((x): x is string => Boolean(x))), value: def };
}

/** Every definition of the model that may read a field; an object's fields are readers of their own (formulas). */
function readersOf(model: RevOpsModel): Reader[] {
  const readers: Reader[] = [];
  for (const [section, value] of Object.entries(model as unknown as Record<string, unknown>)) {
    if (section === 'objects') continue;
    for (const def of (Array.isArray(value) ? value : [value]).filter(isDef)) readers.push(readerOf(def, section));
  }
  for (const o of model.objects)
    for (const [name, def] of Object.entries(o.fields))
      readers.push({ name: `CustomField ${o.apiName}.${name}`, context: new Set([o.apiName]), value: def });
  return readers;
}

const TOKEN = /\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g;
const RECORD = new Set(['$Record', '$Record__Prior']);
/** Prose a person reads: a field's name in a message is not a reference. */
const PROSE = new Set([
  'label',
  'description',
  'message',
  'help',
  'title',
  'alertText',
  'pluralLabel',
  'inlineHelpText',
]);

/** Whether the value (walked deeply) names `object.field`. */
function reads(value: unknown, object: string, field: string, context: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 12) return false;
  if (typeof value === 'string') {
    for (const token of value.match(TOKEN) ?? []) {
      const parts = token.split('.');
      if (parts.at(-1) !== field) continue;
      if (parts.length === 2 && parts[0] === object) return true;
      if (context.has(object) && (parts.length === 1 || (parts.length === 2 && RECORD.has(parts[0]!)))) return true;
    }
    return false;
  }
  if (Array.isArray(value)) return value.some((v) => reads(v, object, field, context, depth + 1));
  if (!isDef(value)) return false;
  if (value.object === object && value.field === field) return true;
  return Object.entries(value).some(
    ([k, v]) => (k === field && context.has(object)) || (!PROSE.has(k) && reads(v, object, field, context, depth + 1)),
  );
}

const dependentsOf = (readers: readonly Reader[], key: string): string[] => {
  const [object, field] = key.split('.') as [string, string];
  return readers
    .filter((r) => r.name !== `CustomField ${key}` && reads(r.value, object, field, r.context))
    .map((r) => r.name)
    .sort();
};

/** At most this many dependents are listed per field (the JSON count is exact). */
const LISTED = 20;

export const dependentsProbe: ImpactProbe = {
  name: 'dependents',
  title: 'Changed fields and what reads them',
  run(input: ImpactProbeInput): Promise<ImpactSection> {
    const [before, after] = [fieldsOf(input.before), fieldsOf(input.after)];
    const changed = [...before.keys()].filter((k) => after.get(k) !== before.get(k)).sort();
    const [readBefore, readAfter] = [readersOf(input.before), readersOf(input.after)];
    const subjects: ImpactSubject[] = [];
    for (const key of changed) {
      const deleted = !after.has(key);
      const was = dependentsOf(readBefore, key);
      const now = deleted ? [] : dependentsOf(readAfter, key);
      // A deleted field: what read it before (each was removed with it or no longer deploys); a changed one: what reads it now.
      const listed = deleted ? was : now;
      if (!listed.length) continue;
      subjects.push({
        subject: `CustomField ${key}`,
        object: key.split('.')[0]!,
        change: deleted ? 'removed' : 'changed',
        before: was.length,
        after: now.length,
        effects: [{ kind: READ_BY, count: listed.length, examples: listed.slice(0, LISTED) }],
        summary: deleted
          ? `deleted; ${listed.length} definition(s) read it at the base revision`
          : `changed; ${listed.length} definition(s) read it`,
      });
    }
    return Promise.resolve({
      probe: this.name,
      title: this.title,
      evaluated: changed.length,
      subjects,
      totals: {},
      warnings: [],
      heading: `${changed.length} field(s) changed or deleted, ${subjects.length} read by other definitions`,
    });
  },
};
