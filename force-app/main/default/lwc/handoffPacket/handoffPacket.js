import { LightningElement, api, wire } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { refreshApex } from '@salesforce/apex';

// The mandatory packet of blueprint 000 §7; Handoff_Needs_* rules block submitting without them.
const SECTIONS = [
    { field: 'Use_Case__c', label: 'Use case' },
    { field: 'Success_Criteria__c', label: 'Success criteria' },
    { field: 'Risks__c', label: 'Risks' },
    { field: 'Commitments_Summary__c', label: 'Commitments' }
];
const FIELDS = ['Name', 'Handoff_Type__c', 'Status__c', 'Rejection_Reason__c', ...SECTIONS.map((s) => s.field)].map(
    (f) => `Handoff_Packet__c.${f}`
);

export default class HandoffPacket extends LightningElement {
    @api recordId;

    packet;
    wiredPackets;
    error;
    saveError;
    isSaving = false;

    // The latest packet of the deal: newest first, one row is enough.
    @wire(getRelatedListRecords, {
        parentRecordId: '$recordId',
        relatedListId: 'Handoff_Packets__r',
        fields: FIELDS,
        sortBy: ['-Handoff_Packet__c.CreatedDate'],
        pageSize: 1
    })
    wiredRelated(result) {
        this.wiredPackets = result;
        this.error = result.error;
        const record = result.data?.records[0];
        this.packet = record && {
            id: record.id,
            name: record.fields.Name.value,
            type: record.fields.Handoff_Type__c.value,
            status: record.fields.Status__c.value,
            rejection: record.fields.Rejection_Reason__c.value,
            sections: SECTIONS.map((s) => {
                const isFilled = !!record.fields[s.field]?.value;
                return { key: s.field, label: s.label, isFilled, state: isFilled ? 'Written' : 'Missing' };
            })
        };
    }

    get isLoading() {
        return !this.wiredPackets?.data && !this.error;
    }

    get filledCount() {
        return this.packet.sections.filter((s) => s.isFilled).length;
    }

    get summary() {
        return `${this.packet.name} (${this.packet.type}): ${this.filledCount} of ${SECTIONS.length} sections written`;
    }

    get isRejected() {
        return this.packet.status === 'Rejected';
    }

    get canSubmit() {
        return ['Draft', 'Rejected'].includes(this.packet.status);
    }

    get cannotSubmit() {
        return this.isSaving || this.filledCount < SECTIONS.length;
    }

    async handleSubmit() {
        this.isSaving = true;
        this.saveError = undefined;
        try {
            await updateRecord({ fields: { Id: this.packet.id, Status__c: 'Submitted' } });
            await refreshApex(this.wiredPackets);
        } catch (error) {
            this.saveError = error;
        } finally {
            this.isSaving = false;
        }
    }
}
