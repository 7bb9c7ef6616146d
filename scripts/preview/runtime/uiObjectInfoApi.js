import { fixtureAdapter } from 'preview/state';

export const getObjectInfo = fixtureAdapter('getObjectInfo');
export const getPicklistValues = fixtureAdapter('getPicklistValues');
