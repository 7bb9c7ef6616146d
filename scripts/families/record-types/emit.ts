import { at, type GeneratedFile } from '../../core/family.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import { metadataXml } from '../../core/xml.ts';
import type { ObjectsModel } from '../objects/objects.ts';
import type { ValueSetsModel } from '../value-sets/builders.ts';
import { recordTypeRef, type RecordTypeDef, type RecordTypesModel } from './builders.ts';

type Model = RecordTypesModel & ObjectsModel & ValueSetsModel;

/**
 * Record type picklist values are URL-encoded in metadata (`1M%2B` for `1M+`); spaces stay.
 * Unverified against an org for every character: the catalogue lists what only an org can prove.
 */
const encodeValue = (value: string): string => encodeURIComponent(value).replace(/%20/g, ' ');

/**
 * Every custom picklist of the object with all its values, so a value added to the model reaches
 * the record type too (Salesforce does not add new values to existing record types by itself).
 */
function picklistValues(model: Model, object: ObjectDef | undefined): Record<string, unknown>[] {
  if (!object) return [];
  return Object.entries(object.fields)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([name, field]) => {
      if (field.type !== 'Picklist' && field.type !== 'MultiselectPicklist') return [];
      const values = field.valueSet
        ? (model.globalValueSets.find((s) => s.name === field.valueSet)?.values ?? [])
        : (field.values ?? []);
      return [
        {
          picklist: name,
          values: values.map((v) => ({ fullName: encodeValue(v.name), default: v.name === field.defaultValue })),
        },
      ];
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

/** Profiles get only their default record types: a profile deploy changes just what its file lists. */
async function profileFiles(model: Model): Promise<GeneratedFile[]> {
  const profiles = [...new Set(model.recordTypes.flatMap((rt) => rt.defaultForProfiles))].sort();
  return Promise.all(
    profiles.map(async (profile) => ({
      path: at('profiles', `${profile}.profile-meta.xml`),
      content: await metadataXml('Profile', {
        recordTypeVisibilities: model.recordTypes
          .filter((rt) => rt.defaultForProfiles.includes(profile))
          .map((rt) => ({ default: true, recordType: recordTypeRef(rt), visible: true })),
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
