/**
 * Data classification: the model's table of how sensitive each field is, which compliance
 * regimes cover it and whether it is in use (blueprint 000 §9). The types are the core's
 * (scripts/core/classification.ts), since the objects family writes them into each field's XML.
 */
import type {
  BusinessStatus,
  ClassificationTable,
  ComplianceGroup,
  FieldClassification,
  Sensitivity,
} from '../../core/classification.ts';

export type { ClassificationModel, ClassificationTable, FieldClassification } from '../../core/classification.ts';

interface ClassOptions {
  /** Compliance Categorization (empty: none). */
  compliance?: readonly ComplianceGroup[];
  /** Field Usage; Active unless said otherwise. */
  status?: BusinessStatus;
  purpose?: string;
}

/** A field's class: its sensitivity, and optionally its compliance groups, usage and purpose. */
export const classify = (sensitivity: Sensitivity, o: ClassOptions = {}): FieldClassification => ({
  sensitivity,
  compliance: o.compliance ?? [],
  status: o.status ?? 'Active',
  ...(o.purpose ? { purpose: o.purpose } : {}),
});

/**
 * Personal data that identifies a person (PII): Confidential unless said otherwise, in the GDPR
 * and CCPA groups, with the purpose the business holds it for. A retention rule must cover it.
 */
export const personalData = (
  purpose: string,
  o: { sensitivity?: Sensitivity; compliance?: readonly ComplianceGroup[] } = {},
): FieldClassification => ({
  sensitivity: o.sensitivity ?? 'Confidential',
  compliance: ['PII', ...(o.compliance ?? ['GDPR', 'CCPA'])],
  status: 'Active',
  purpose,
});

/** The table: per-object defaults, and per-field entries keyed `Object.Field` that win over them. */
export const classificationTable = (o: {
  defaults?: Record<string, FieldClassification>;
  fields?: Record<string, FieldClassification>;
}): ClassificationTable => ({ kind: 'classification', defaults: o.defaults ?? {}, fields: o.fields ?? {} });
