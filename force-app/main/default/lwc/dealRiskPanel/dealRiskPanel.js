import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import RISK_SCORE_FIELD from '@salesforce/schema/Opportunity.Risk_Score__c';
import RISK_LEVEL_FIELD from '@salesforce/schema/Opportunity.Risk_Level__c';
import RISK_REASONS_FIELD from '@salesforce/schema/Opportunity.Risk_Reasons__c';
import IS_CLOSED_FIELD from '@salesforce/schema/Opportunity.IsClosed';

const FIELDS = [RISK_SCORE_FIELD, RISK_LEVEL_FIELD, RISK_REASONS_FIELD, IS_CLOSED_FIELD];
// Badge colours follow SLDS themes; the level is also written out, so colour is never the only cue.
const THEMES = { High: 'slds-theme_error', Medium: 'slds-theme_warning', Low: 'slds-theme_success' };
// The formula separates reasons with "; " (model/forecasting/deal-risk.ts).
const SEPARATOR = '; ';

export default class DealRiskPanel extends LightningElement {
    @api recordId;

    record;
    error;

    // The score and reasons are formula fields: LDS is enough, no Apex.
    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    wiredRecord({ data, error }) {
        this.record = data;
        this.error = error;
    }

    get isLoading() {
        return !this.record && !this.error;
    }

    get isClosed() {
        return getFieldValue(this.record, IS_CLOSED_FIELD) === true;
    }

    get score() {
        return getFieldValue(this.record, RISK_SCORE_FIELD) ?? 0;
    }

    get level() {
        return getFieldValue(this.record, RISK_LEVEL_FIELD) ?? 'Low';
    }

    get badgeClass() {
        return `slds-badge ${THEMES[this.level] ?? ''}`;
    }

    get reasons() {
        const text = getFieldValue(this.record, RISK_REASONS_FIELD) ?? '';
        return text
            .split(SEPARATOR)
            .filter((reason) => reason.trim().length > 0)
            .map((reason, index) => ({ key: `${index}`, text: reason }));
    }

    get hasReasons() {
        return this.reasons.length > 0;
    }

    get summary() {
        return `Risk score ${this.score} of 100: ${this.level}`;
    }
}
