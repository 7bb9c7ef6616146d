/**
 * The vocabulary model/ is written in. Import everything from here: the builders re-exported
 * below also record the model file and line that called them (see origin.ts).
 */
import * as analytics from './analytics.ts';
import * as automation from './automation.ts';
import * as dataQuality from './data-quality.ts';
import * as governance from './governance.ts';
import * as objects from './objects.ts';
import * as security from './security.ts';
import * as settings from './settings.ts';
import * as rulePatterns from './rule-patterns.ts';
import { locate } from './origin.ts';

export * from './fields.ts';
export * from './objects.ts';
export * from './governance.ts';
export * from './security.ts';
export * from './automation.ts';
export * from './analytics.ts';
export * from './data-quality.ts';
export * from './settings.ts';
export * from './model.ts';
export * from './stage-gates.ts';
export * from './rule-patterns.ts';
export { originOf } from './origin.ts';

export const standardObject = locate(objects.standardObject);
export const customObject = locate(objects.customObject);
export const customMetadataType = locate(objects.customMetadataType);
export const customMetadataRecord = locate(objects.customMetadataRecord);
export const stage = locate(governance.stage);
export const closedWon = locate(governance.closedWon);
export const closedLost = locate(governance.closedLost);
export const defineStages = locate(governance.defineStages);
export const defineLeadStatuses = locate(governance.defineLeadStatuses);
export const leadStatus = locate(governance.leadStatus);
export const globalValueSet = locate(governance.globalValueSet);
export const businessProcess = locate(governance.businessProcess);
export const path = locate(governance.path);
export const validationRule = locate(governance.validationRule);
export const customPermission = locate(governance.customPermission);
export const permissionSet = locate(security.permissionSet);
export const permissionSetGroup = locate(security.permissionSetGroup);
export const recordTriggeredFlow = locate(automation.recordTriggeredFlow);
export const scheduledFlow = locate(automation.scheduledFlow);
export const reportFolder = locate(analytics.reportFolder);
export const dashboardFolder = locate(analytics.dashboardFolder);
export const reportType = locate(analytics.reportType);
export const report = locate(analytics.report);
export const dashboard = locate(analytics.dashboard);
export const matchingRule = locate(dataQuality.matchingRule);
export const duplicateRule = locate(dataQuality.duplicateRule);
export const leadConvertMapping = locate(settings.leadConvertMapping);
export const scratchOrg = locate(settings.scratchOrg);
export const immutableOnceSet = locate(rulePatterns.immutableOnceSet);
export const requiredWhen = locate(rulePatterns.requiredWhen);
