/** Compliance (blueprint 000 §9): data classification, retention, the audit trails and the audit object, as one model part. */
import type { ModelPart, RevOpsModel } from '../../scripts/dsl/index.ts';
import { AuditEvent, auditEventsAreImmutable, auditTrails, DataSteward } from './audit.ts';
import { dataClassification } from './classification.ts';
import { retentionRules } from './retention.ts';

export const dataCompliance: ModelPart<RevOpsModel> = {
  objects: [AuditEvent],
  validationRules: [auditEventsAreImmutable],
  permissionSets: [DataSteward],
  dataClassification,
  retentionRules,
  auditTrails,
};
