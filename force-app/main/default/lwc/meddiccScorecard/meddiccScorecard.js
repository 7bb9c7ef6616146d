import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import METRICS_FIELD from '@salesforce/schema/Opportunity.Metrics__c';
import ECONOMIC_BUYER_FIELD from '@salesforce/schema/Opportunity.Economic_Buyer__c';
import DECISION_CRITERIA_FIELD from '@salesforce/schema/Opportunity.Decision_Criteria__c';
import DECISION_PROCESS_FIELD from '@salesforce/schema/Opportunity.Decision_Process__c';
import PROBLEM_FIELD from '@salesforce/schema/Opportunity.Problem_Statement__c';
import CHAMPION_FIELD from '@salesforce/schema/Opportunity.Champion__c';
import COMPETITION_FIELD from '@salesforce/schema/Opportunity.Competition__c';

// The seven items in MEDDICC order, as model/forecasting/deal-risk.ts (MEDDICC_ITEMS) defines them;
// the flow that scores them and the risk score count the same fields.
const ITEMS = [
    { letter: 'M', label: 'Metrics', field: METRICS_FIELD, ask: 'What business result will the customer measure?' },
    { letter: 'E', label: 'Economic Buyer', field: ECONOMIC_BUYER_FIELD, ask: 'Who owns the budget?' },
    { letter: 'D', label: 'Decision Criteria', field: DECISION_CRITERIA_FIELD, ask: 'How will they choose?' },
    { letter: 'D', label: 'Decision Process', field: DECISION_PROCESS_FIELD, ask: 'Which steps, people and dates?' },
    { letter: 'I', label: 'Identify Pain', field: PROBLEM_FIELD, ask: 'What problem, in their words?' },
    { letter: 'C', label: 'Champion', field: CHAMPION_FIELD, ask: 'Who sells for you inside?' },
    { letter: 'C', label: 'Competition', field: COMPETITION_FIELD, ask: 'Who else, including doing nothing?' }
];

export default class MeddiccScorecard extends LightningElement {
    @api recordId;

    record;
    error;

    @wire(getRecord, { recordId: '$recordId', fields: ITEMS.map((item) => item.field) })
    wiredRecord({ data, error }) {
        this.record = data;
        this.error = error;
    }

    get isLoading() {
        return !this.record && !this.error;
    }

    get items() {
        return ITEMS.map((item) => {
            const value = getFieldValue(this.record, item.field);
            const isMet = value !== null && value !== undefined && `${value}`.trim() !== '';
            return {
                key: item.field.fieldApiName,
                letter: item.letter,
                label: item.label,
                isMet,
                state: isMet ? 'Confirmed' : 'Missing',
                hint: isMet ? undefined : item.ask,
                letterClass: `slds-avatar__initials ${isMet ? 'slds-icon-standard-approval' : 'slds-avatar__initials_inverse'}`
            };
        });
    }

    get score() {
        return this.items.filter((item) => item.isMet).length;
    }

    get percent() {
        return Math.round((this.score * 100) / ITEMS.length);
    }

    get summary() {
        return `${this.score} of ${ITEMS.length} MEDDICC items confirmed`;
    }
}
