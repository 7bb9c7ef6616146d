import { LightningElement, api, wire } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import { refreshApex } from '@salesforce/apex';
import getForecastContext from '@salesforce/apex/ForecastSubmissionController.getForecastContext';
import SUBMISSION_OBJECT from '@salesforce/schema/Forecast_Submission__c';

const CATEGORIES = ['Commit', 'Best Case', 'Pipeline'];
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const format = (value) => (value === null || value === undefined ? '—' : money.format(value));
// Dates from Apex are plain days (YYYY-MM-DD): formatted in UTC so no time zone shifts the day.
const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const formatDay = (value) => (value ? day.format(new Date(`${value}T00:00:00Z`)) : '—');

export default class ForecastSubmission extends LightningElement {
    /** On a Forecast_Period__c page the period; elsewhere blank, and the period open today is used. */
    @api recordId;

    context;
    wiredContext;
    error;
    saveError;
    isSaving = false;
    savedVersion;
    call = {};
    notes = '';

    // Apex reads what LDS cannot: the latest version per person and the team roll-up.
    @wire(getForecastContext, { periodId: '$recordId' })
    wiredForecast(result) {
        this.wiredContext = result;
        this.error = result.error;
        this.context = result.data;
        if (result.data) this.call = this.startingCall(result.data);
    }

    // A resubmission starts from the current call; a first one from the team roll-up or own deals.
    startingCall(context) {
        const current = context.current;
        if (current) return { Commit: current.commitAmount, 'Best Case': current.bestCase, Pipeline: current.pipeline };
        if (context.isManager)
            return { Commit: context.teamCommit, 'Best Case': context.teamBestCase, Pipeline: context.teamPipeline };
        return Object.fromEntries(CATEGORIES.map((c) => [c, context.ownDealsByCategory?.[c] ?? 0]));
    }

    get isLoading() {
        return !this.context && !this.error;
    }

    get isManager() {
        return this.context?.isManager === true;
    }

    get title() {
        return this.context ? `Forecast: ${this.context.periodName}` : 'Forecast';
    }

    get viewLabel() {
        return this.isManager ? 'Manager call: your team roll-up plus your judgement' : 'Rep call: your own deals';
    }

    get currentText() {
        const c = this.context.current;
        return c
            ? `Current call: version ${c.version}, week of ${formatDay(c.weekOf)}, commit ${format(c.commitAmount)}`
            : 'No call submitted yet this period.';
    }

    get inputs() {
        return CATEGORIES.map((category) => ({
            key: category,
            label: category,
            value: this.call[category],
            hint: `Your deals: ${format(this.context.ownDealsByCategory?.[category])}`
        }));
    }

    get team() {
        return (this.context.team ?? []).map((row) => ({
            key: row.userId,
            name: row.userName,
            commit: format(row.commitAmount),
            bestCase: format(row.bestCase),
            pipeline: format(row.pipeline),
            state: row.submissionId ? `v${row.version}` : 'Not submitted'
        }));
    }

    get rollUp() {
        return `Team roll-up: commit ${format(this.context.teamCommit)}, best case ${format(this.context.teamBestCase)}, pipeline ${format(this.context.teamPipeline)}`;
    }

    get judgement() {
        const delta = (Number(this.call.Commit) || 0) - (this.context.teamCommit ?? 0);
        return delta === 0 ? 'Your commit equals the roll-up.' : `Judgement on top of the roll-up: ${format(delta)}`;
    }

    get needsNotes() {
        return this.isManager && (Number(this.call.Commit) || 0) !== (this.context.teamCommit ?? 0);
    }

    get cannotSubmit() {
        return this.isSaving || (this.needsNotes && this.notes.trim().length === 0);
    }

    handleAmountChange(event) {
        this.call = { ...this.call, [event.target.dataset.category]: event.detail.value };
    }

    handleNotesChange(event) {
        this.notes = event.detail.value;
    }

    async handleSubmit() {
        this.isSaving = true;
        this.saveError = undefined;
        try {
            await createRecord({ apiName: SUBMISSION_OBJECT.objectApiName, fields: this.submissionFields() });
            this.savedVersion = this.context.nextVersion;
            this.notes = '';
            await refreshApex(this.wiredContext);
        } catch (error) {
            // The version chain, closed periods and missing notes come back as rule messages.
            this.saveError = error;
        } finally {
            this.isSaving = false;
        }
    }

    // A new version that supersedes the current one: submissions are never edited.
    submissionFields() {
        const ctx = this.context;
        return {
            Forecast_Period__c: ctx.periodId,
            Level__c: this.isManager ? 'Manager' : 'Rep',
            Week_Of__c: ctx.weekOf,
            Commit__c: Number(this.call.Commit) || 0,
            Best_Case__c: Number(this.call['Best Case']) || 0,
            Pipeline__c: Number(this.call.Pipeline) || 0,
            Team_Commit__c: this.isManager ? ctx.teamCommit : null,
            Team_Best_Case__c: this.isManager ? ctx.teamBestCase : null,
            Team_Pipeline__c: this.isManager ? ctx.teamPipeline : null,
            Judgement_Notes__c: this.notes || null,
            Manager__c: ctx.managerId ?? null,
            Version__c: ctx.nextVersion,
            Supersedes__c: ctx.current?.submissionId ?? null,
            Version_Key__c: ctx.nextVersionKey
        };
    }
}
