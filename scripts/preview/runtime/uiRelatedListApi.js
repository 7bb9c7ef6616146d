import { fixtureAdapter } from 'preview/state';

export const getRelatedListRecords = fixtureAdapter('getRelatedListRecords');
