import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import getExitCriteria from '@salesforce/apex/StageGateController.getExitCriteria';
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import STAGE_FIELD from '@salesforce/schema/Opportunity.StageName';
import IS_CLOSED_FIELD from '@salesforce/schema/Opportunity.IsClosed';

const OBJECT_API_NAME = OPPORTUNITY_OBJECT.objectApiName;
// Criteria of some segments only (ENT...) apply to deals whose account is in one of them.
const SEGMENT_FIELD = `${OBJECT_API_NAME}.Account.Segment__c`;
const RECORD_FIELDS = [STAGE_FIELD, IS_CLOSED_FIELD];
const MET = { text: 'Met', iconName: 'utility:success', iconVariant: 'success' };
const MISSING = { text: 'Missing', iconName: 'utility:warning', iconVariant: 'warning' };

// A checkbox criterion means "must be ticked", so false counts as missing, like a blank value.
function isFilled(value) {
    return value !== null && value !== undefined && value !== '' && value !== false;
}

export default class StageGateChecklist extends LightningElement {
    @api recordId;

    record;
    stageName;
    criteria;
    criteriaFields = [];
    fieldLabels = {};
    recordError;
    criteriaError;

    // Criteria fields are optional: a field the rep cannot see must not fail the whole record.
    @wire(getRecord, { recordId: '$recordId', fields: RECORD_FIELDS, optionalFields: '$criteriaFields' })
    wiredRecord({ data, error }) {
        this.recordError = error;
        if (data) {
            const stageName = getFieldValue(data, STAGE_FIELD);
            if (stageName !== this.stageName) {
                this.criteria = undefined;
            }
            this.record = data;
            this.stageName = stageName;
        }
    }

    @wire(getExitCriteria, { objectApiName: OBJECT_API_NAME, stageName: '$stageName' })
    wiredCriteria({ data, error }) {
        this.criteriaError = error;
        this.criteria = data;
        this.criteriaFields = [
            SEGMENT_FIELD,
            ...(data ?? []).map((criterion) => `${OBJECT_API_NAME}.${criterion.fieldApiName}`)
        ];
    }

    // Labels are a nicety: without object info the checklist falls back to API names.
    @wire(getObjectInfo, { objectApiName: OPPORTUNITY_OBJECT })
    wiredObjectInfo({ data }) {
        const fields = Object.values(data?.fields ?? {});
        this.fieldLabels = Object.fromEntries(fields.map((field) => [field.apiName, field.label]));
    }

    // Shown by the shared error panel, like every RevOps component's errors.
    get error() {
        return this.recordError ?? this.criteriaError;
    }

    get isLoading() {
        return !this.record || !this.criteria;
    }

    get applicableCriteria() {
        const segment = getFieldValue(this.record, SEGMENT_FIELD);
        return this.criteria.filter((criterion) => !criterion.segments?.length || criterion.segments.includes(segment));
    }

    get hasCriteria() {
        return this.applicableCriteria.length > 0;
    }

    get items() {
        return this.applicableCriteria.map((criterion) => {
            const isMet = isFilled(getFieldValue(this.record, `${OBJECT_API_NAME}.${criterion.fieldApiName}`));
            return {
                ...(isMet ? MET : MISSING),
                fieldApiName: criterion.fieldApiName,
                label: this.fieldLabels[criterion.fieldApiName] ?? criterion.fieldApiName,
                guidance: isMet ? undefined : criterion.guidance,
                isMet
            };
        });
    }

    get metCount() {
        return this.items.filter((item) => item.isMet).length;
    }

    get summary() {
        return `${this.metCount} of ${this.applicableCriteria.length} exit criteria met`;
    }

    get percentMet() {
        return Math.round((this.metCount * 100) / this.applicableCriteria.length);
    }

    get cardTitle() {
        return this.stageName ? `Stage gate: ${this.stageName}` : 'Stage gate';
    }

    get emptyMessage() {
        return getFieldValue(this.record, IS_CLOSED_FIELD)
            ? 'This deal is closed, so no exit criteria apply.'
            : `No exit criteria are defined for the ${this.stageName} stage.`;
    }
}
