import { at, type GeneratedFile } from '../../core/family.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import { metadataValueName, sortedByCodeUnit } from '../../core/retrieve-format.ts';
import { metadataXml } from '../../core/xml.ts';
import type { ObjectsModel } from '../objects/objects.ts';
import type { ValueSetsModel } from '../value-sets/builders.ts';
import { recordTypeRef, type RecordTypeDef, type RecordTypesModel } from './builders.ts';

type Model = RecordTypesModel & ObjectsModel & ValueSetsModel;

/**
 * Every custom picklist of the object with all its values, so a value added to the model reaches
 * the record type too (Salesforce does not add new values to existing record types by itself).
 * As a retrieve writes them: picklists by name, values percent-encoded (`1M%2B` for `1M+`) and
 * in code-unit order of that name, not the value set's order. A retrieve also lists the object's
 * standard picklists (Opportunity: ForecastCategoryName, LeadSource, Type) with the values the
 * org holds; those are the org's, so we leave them out (docs/retrieve-parity.md).
 */
function picklistValues(model: Model, object: ObjectDef | undefined): Record<string, unknown>[] {
  if (!object) return [];
  return Object.entries(object.fields)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) // code-unit order, as a retrieve lists them
    .flatMap(([name, field]) => {
      if (field.type !== 'Picklist' && field.type !== 'MultiselectPicklist') return [];
      const values = field.valueSet
        ? (model.globalValueSets.find((s) => s.name === field.valueSet)?.values ?? [])
        : (field.values ?? []);
      const named = values.map((v) => ({
        fullName: metadataValueName(v.name),
        default: v.name === field.defaultValue,
      }));
      return [{ picklist: name, values: sortedByCodeUnit(named, (v) => v.fullName) }];
    });
}

function recordTypeXml(model: Model, rt: RecordTypeDef): Record<string, unknown> {
  return {
    fullName: rt.name,
    active: rt.active,
    businessProcess: rt.businessProcess,
    description: rt.description,
    label: rt.label,
    picklistValues: picklistValues(
      model,
      model.objects.find((o) => o.apiName === rt.object),
    ),
  };
}

/**
 * Profiles get only their default record types: a profile deploy changes just what its file lists.
 * A retrieve writes the profile whole (userLicense, custom, every permission and layout
 * assignment of what it retrieves): those are the org's (docs/retrieve-parity.md).
 */
async function profileFiles(model: Model): Promise<GeneratedFile[]> {
  const profiles = [...new Set(model.recordTypes.flatMap((rt) => rt.defaultForProfiles))].sort();
  return Promise.all(
    profiles.map(async (profile) => ({
      path: at('profiles', `${profile}.profile-meta.xml`),
      content: await metadataXml('Profile', {
        // In code-unit order of the record type, as a retrieve lists them.
        recordTypeVisibilities: sortedByCodeUnit(
          model.recordTypes.filter((rt) => rt.defaultForProfiles.includes(profile)),
          recordTypeRef,
        ).map((rt) => ({ default: true, recordType: recordTypeRef(rt), visible: true })),
      }),
    })),
  );
}

export async function emitRecordTypes(model: Model): Promise<GeneratedFile[]> {
  const recordTypes = await Promise.all(
    model.recordTypes.map(async (rt) => ({
      path: at('objects', rt.object, 'recordTypes', `${rt.name}.recordType-meta.xml`),
      content: await metadataXml('RecordType', recordTypeXml(model, rt)),
    })),
  );
  return [...recordTypes, ...(await profileFiles(model))];
}
