import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import MQL_DATE_FIELD from '@salesforce/schema/Lead.MQL_Date__c';
import FIRST_TOUCH_FIELD from '@salesforce/schema/Lead.First_Touch_At__c';
import { now } from 'c/clock';

const FIELDS = [MQL_DATE_FIELD, FIRST_TOUCH_FIELD];
// Blueprint 001: first touch within 15 minutes of MQL (MQL_TOUCH_SLA_MINUTES in model/objects/lead.ts).
const SLA_MINUTES = 15;
const MINUTE = 60 * 1000;
const REFRESH_MS = 30 * 1000;

export default class LeadSlaTimer extends LightningElement {
    @api recordId;

    record;
    error;
    nowMs = now();
    timer;

    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    wiredRecord({ data, error }) {
        this.record = data;
        this.error = error;
    }

    connectedCallback() {
        // A running clock must tick on screen; the SLA_Breached__c formula only updates on reload.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setInterval(() => {
            this.nowMs = now();
        }, REFRESH_MS);
    }

    disconnectedCallback() {
        clearInterval(this.timer);
    }

    get isLoading() {
        return !this.record && !this.error;
    }

    get mqlAt() {
        const value = getFieldValue(this.record, MQL_DATE_FIELD);
        return value ? Date.parse(value) : undefined;
    }

    get touchedAt() {
        const value = getFieldValue(this.record, FIRST_TOUCH_FIELD);
        return value ? Date.parse(value) : undefined;
    }

    get isMql() {
        return this.mqlAt !== undefined;
    }

    get elapsedMinutes() {
        return Math.max(0, Math.floor(((this.touchedAt ?? this.nowMs) - this.mqlAt) / MINUTE));
    }

    get isBreached() {
        return this.elapsedMinutes > SLA_MINUTES;
    }

    get status() {
        if (this.touchedAt !== undefined) {
            return this.isBreached
                ? `First touch after ${this.elapsedMinutes} minutes: SLA missed`
                : `First touch after ${this.elapsedMinutes} minutes: within SLA`;
        }
        return this.isBreached
            ? `No touch for ${this.elapsedMinutes} minutes: SLA breached`
            : `${SLA_MINUTES - this.elapsedMinutes} minutes left to first touch`;
    }

    // The bar counts down a running clock; once touched or breached the text says it all.
    get isRunning() {
        return this.touchedAt === undefined && !this.isBreached;
    }

    get percent() {
        return Math.min(100, Math.round((this.elapsedMinutes * 100) / SLA_MINUTES));
    }

    get variantClass() {
        return `slds-text-heading_small ${this.isBreached ? 'slds-text-color_error' : 'slds-text-color_success'}`;
    }

    get slaText() {
        return `Speed-to-lead SLA: first touch within ${SLA_MINUTES} minutes of MQL.`;
    }
}
