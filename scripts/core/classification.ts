/**
 * Data classification: how sensitive each field is and which compliance regimes cover it. The
 * types sit in the core because two families read them: the classification family (the table,
 * its checks and its pages) and the objects family (which writes the three CustomField elements
 * Salesforce keeps for it: `securityClassification`, `complianceGroup`, `businessStatus`).
 *
 * The Metadata API WSDL types the three elements as `xsd:string`; the values are Salesforce's
 * defaults for the Data Sensitivity Level, Compliance Categorization and Field Usage picklists
 * (Setup → Data Classification Settings), and `complianceGroup` holds several joined by `;`.
 */
import type { ObjectDef } from './model-types.ts';

/** Data Sensitivity Level, least to most sensitive. */
export const SENSITIVITIES = ['Public', 'Internal', 'Confidential', 'Restricted', 'MissionCritical'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Compliance Categorization. `PII` is the one PII minimisation checks for. */
export const COMPLIANCE_GROUPS = ['CCPA', 'COPPA', 'GDPR', 'HIPAA', 'PCI', 'PersonalInfo', 'PII'] as const;
export type ComplianceGroup = (typeof COMPLIANCE_GROUPS)[number];

/** Field Usage. */
export const BUSINESS_STATUSES = ['Active', 'DeprecateCandidate', 'Hidden'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

export interface FieldClassification {
  readonly sensitivity: Sensitivity;
  readonly compliance: readonly ComplianceGroup[];
  readonly status: BusinessStatus;
  /** Why the business holds the data: required for PII (minimisation). */
  readonly purpose?: string;
}

/**
 * The model's classification table: per-object defaults (for objects whose fields honestly share
 * one class) and per-field entries keyed `Object.Field`, which win over the default.
 */
export interface ClassificationTable {
  readonly kind: 'classification';
  readonly defaults: Readonly<Record<string, FieldClassification>>;
  readonly fields: Readonly<Record<string, FieldClassification>>;
}

/** The model section the classification family owns; the objects family reads it (optional there). */
export interface ClassificationModel {
  readonly dataClassification: ClassificationTable;
}

export const isPii = (c: FieldClassification): boolean => c.compliance.includes('PII');

/** A field's classification: its own entry, else its object's default, else none. */
export function classificationOf(
  table: ClassificationTable | undefined,
  object: string,
  field: string,
): FieldClassification | undefined {
  return table?.fields[`${object}.${field}`] ?? table?.defaults[object];
}

/** The CustomField elements for a classification (element order is the writer's job). */
export const classificationElements = (c: FieldClassification | undefined): Record<string, unknown> =>
  c
    ? {
        businessStatus: c.status,
        complianceGroup: c.compliance.length ? c.compliance.join(';') : undefined,
        securityClassification: c.sensitivity,
      }
    : {};

/**
 * Standard fields the table classifies one by one on a standard object, beyond those the object
 * already carries settings for: they get a CustomField file of their own so the org records the class.
 */
export function classifiedStandardFields(table: ClassificationTable | undefined, object: ObjectDef): string[] {
  if (!table || !object.standard) return [];
  const prefix = `${object.apiName}.`;
  return Object.keys(table.fields)
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .filter((name) => !name.includes('__') && !(name in object.standardFields))
    .sort();
}
