import { LightningElement, api, wire } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { refreshApex } from '@salesforce/apex';
import EXCEPTION_OBJECT from '@salesforce/schema/Deal_Exception__c';
import REASON_FIELD from '@salesforce/schema/Deal_Exception__c.Reason__c';
import { now } from 'c/clock';

// Deal_Exception__c: Exception_Expiry_Bounded allows at most 90 days; 30 is the usual ask.
const DEFAULT_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;
const RELATED_FIELDS = ['Name', 'Reason__c', 'Status__c', 'Expires_On__c'].map((f) => `Deal_Exception__c.${f}`);

export default class ExceptionRequest extends LightningElement {
    @api recordId;

    reason;
    details = '';
    expiresOn = new Date(now() + DEFAULT_DAYS * DAY).toISOString().slice(0, 10);
    reasonOptions = [];
    exceptions;
    wiredExceptions;
    error;
    saveError;
    isSaving = false;
    savedName;

    @wire(getObjectInfo, { objectApiName: EXCEPTION_OBJECT })
    objectInfo;

    @wire(getPicklistValues, { recordTypeId: '$objectInfo.data.defaultRecordTypeId', fieldApiName: REASON_FIELD })
    wiredReasons({ data, error }) {
        this.reasonOptions = data?.values.map((v) => ({ label: v.label, value: v.value })) ?? [];
        this.error = error ?? this.error;
    }

    @wire(getRelatedListRecords, {
        parentRecordId: '$recordId',
        relatedListId: 'Deal_Exceptions__r',
        fields: RELATED_FIELDS
    })
    wiredRelated(result) {
        this.wiredExceptions = result;
        this.exceptions = result.data?.records.map((r) => ({
            id: r.id,
            name: r.fields.Name.value,
            reason: r.fields.Reason__c.displayValue ?? r.fields.Reason__c.value,
            status: r.fields.Status__c.value,
            expiresOn: r.fields.Expires_On__c.value
        }));
        this.error = result.error;
    }

    get hasExceptions() {
        return this.exceptions?.length > 0;
    }

    get cannotSubmit() {
        return this.isSaving || !this.reason || this.details.trim().length === 0;
    }

    handleReasonChange(event) {
        this.reason = event.detail.value;
    }

    handleDetailsChange(event) {
        this.details = event.detail.value;
    }

    handleExpiresChange(event) {
        this.expiresOn = event.detail.value;
    }

    async handleSubmit() {
        this.isSaving = true;
        this.saveError = undefined;
        const fields = {
            Opportunity__c: this.recordId,
            Reason__c: this.reason,
            Details__c: this.details,
            Expires_On__c: this.expiresOn,
            Status__c: 'Requested'
        };
        try {
            const record = await createRecord({ apiName: EXCEPTION_OBJECT.objectApiName, fields });
            this.savedName = record.fields?.Name?.value ?? 'The exception';
            this.details = '';
            this.reason = undefined;
            await refreshApex(this.wiredExceptions);
        } catch (error) {
            // Validation rules (expiry bound, deal desk decisions) come back here with their message.
            this.saveError = error;
        } finally {
            this.isSaving = false;
        }
    }
}
