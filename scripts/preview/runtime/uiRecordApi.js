// lightning/uiRecordApi for the preview: wires emit the Jest fixtures, writes resolve.
import { fixtureAdapter, fixtureCall } from 'preview/state';

export const getRecord = fixtureAdapter('getRecord');
export const createRecord = fixtureCall('createRecord');
export const updateRecord = fixtureCall('updateRecord');

function fieldName(field) {
  return typeof field === 'string' ? field.split('.').slice(1).join('.') : field.fieldApiName;
}

/** The real getFieldValue's behaviour on a UI API record: follows `Owner.Name` through nested records. */
export function getFieldValue(record, field) {
  let value = record;
  for (const part of fieldName(field).split('.')) {
    if (!value || !value.fields || !value.fields[part]) return undefined;
    value = value.fields[part].value;
  }
  return value;
}

export function getFieldDisplayValue(record, field) {
  const name = fieldName(field);
  return record?.fields?.[name]?.displayValue ?? getFieldValue(record, field);
}
