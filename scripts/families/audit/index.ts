/** Audit trails: where each audited event is recorded (see builders.ts). */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { ObjectsModel } from '../objects/index.ts';
import * as builders from './builders.ts';
import type { AuditModel } from './builders.ts';
import { auditCatalogue } from './catalogue.ts';
import { checkAudit } from './checks.ts';
import { emitAudit } from './emit.ts';

export type { AuditEventKind, AuditMechanism, AuditModel, AuditTrailDef } from './builders.ts';
export { MAX_HISTORY_FIELDS, tracksHistory } from './checks.ts';
export { AUDIT_PAGE } from './page.ts';
export { AUDIT_HISTORY_JOB_CLASS, AUDIT_HISTORY_TEST_CLASS, historyObjectOf, historyTrails } from './emit.ts';

export const historyTrail = locate(builders.historyTrail);
export const auditObjectTrail = locate(builders.auditObjectTrail);
export const eventMonitoringTrail = locate(builders.eventMonitoringTrail);

export const auditFamily = defineFamily<AuditModel, AuditModel & ObjectsModel>({
  name: 'audit',
  sections: { auditTrails: 'list' },
  check: checkAudit,
  emit: emitAudit,
  lockable: (model) => model.auditTrails,
  catalogue: auditCatalogue,
});
