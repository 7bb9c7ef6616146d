/**
 * The approval matrix as Salesforce metadata: one Opportunity approval process whose steps are
 * the matrix's levels in order (each step entered only when the deal needs that level), and the
 * field updates it runs (Opportunity workflow file: status on submission, approval and rejection;
 * the highest level that approved, per step).
 */
import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import type { ApprovalMatrixDef, QuoteToCashModel } from './builders.ts';

/** The Opportunity formula fields the process reads (defined in the model, checked by checks.ts). */
export const REQUIRED_LEVEL_FIELD = 'Approval_Level_Required__c';

const update = (name: string, label: string, field: string, value: string | null) => ({
  fullName: name,
  field,
  literalValue: value ?? undefined,
  name: label,
  notifyAssignee: false,
  operation: value === null ? 'Null' : 'Literal',
  protected: false,
  reevaluateOnChange: false,
});

const levelUpdate = (level: { name: string }) => `Approved_Level_${level.name}`;

/** Field updates, by API name. */
export function approvalFieldUpdates(matrix: ApprovalMatrixDef) {
  return [
    update('Approval_Status_Pending', 'Approval status: Pending', matrix.statusField, 'Pending'),
    update('Approval_Status_Approved', 'Approval status: Approved', matrix.statusField, 'Approved'),
    update('Approval_Status_Rejected', 'Approval status: Rejected', matrix.statusField, 'Rejected'),
    update('Approved_Level_Clear', 'Approved level: cleared', matrix.approvedLevelField, null),
    ...matrix.levels.map((level) =>
      update(levelUpdate(level), `Approved level: ${level.label}`, matrix.approvedLevelField, level.label),
    ),
  ].sort((a, b) => (a.fullName < b.fullName ? -1 : 1));
}

const actions = (...names: string[]) => ({ action: names.map((name) => ({ name, type: 'FieldUpdate' })) });

/** Steps after the first are entered only when the deal needs that level or a higher one. */
function stepXml(matrix: ApprovalMatrixDef, index: number) {
  const level = matrix.levels[index]!;
  const atOrAbove = matrix.levels.slice(index).map((l) => `"${l.label}", 1`);
  return {
    allowDelegate: true,
    approvalActions: actions(levelUpdate(level)),
    assignedApprover: { approver: [{ name: level.approverField, type: 'relatedUserField' }] },
    description: `${level.label}: approves when the deal needs this level or a higher one.`,
    entryCriteria: index ? { formula: `CASE(${REQUIRED_LEVEL_FIELD}, ${atOrAbove.join(', ')}, 0) = 1` } : undefined,
    ifCriteriaNotMet: index ? 'ApproveRecord' : undefined,
    label: level.label,
    name: level.name,
    rejectBehavior: index ? { type: 'RejectRequest' } : undefined,
  };
}

function approvalProcessXml(matrix: ApprovalMatrixDef) {
  return {
    active: true,
    allowRecall: true,
    allowedSubmitters: [{ type: 'owner' }],
    approvalPageFields: {
      field: [
        'Name',
        'Owner',
        'Amount',
        'ARR__c',
        'Discount_Percent__c',
        'Discount_Ladder_Max__c',
        REQUIRED_LEVEL_FIELD,
      ],
    },
    approvalStep: matrix.levels.map((_, i) => stepXml(matrix, i)),
    description: matrix.description,
    enableMobileDeviceAccess: false,
    entryCriteria: { formula: `${REQUIRED_LEVEL_FIELD} <> "None"` },
    finalApprovalActions: actions('Approval_Status_Approved'),
    finalApprovalRecordLock: false,
    finalRejectionActions: actions('Approval_Status_Rejected'),
    finalRejectionRecordLock: false,
    initialSubmissionActions: actions('Approval_Status_Pending', 'Approved_Level_Clear'),
    label: matrix.label,
    recordEditability: 'AdminOnly',
    showApprovalHistory: true,
  };
}

export async function emitQuoteToCash(model: QuoteToCashModel): Promise<GeneratedFile[]> {
  const matrix = model.pricing?.approvals;
  if (!matrix) return [];
  return [
    {
      path: at('approvalProcesses', `Opportunity.${matrix.name}.approvalProcess-meta.xml`),
      content: await metadataXml('ApprovalProcess', approvalProcessXml(matrix)),
    },
    {
      path: at('workflows', 'Opportunity.workflow-meta.xml'),
      content: await metadataXml('Workflow', { fieldUpdates: approvalFieldUpdates(matrix) }),
    },
  ];
}
