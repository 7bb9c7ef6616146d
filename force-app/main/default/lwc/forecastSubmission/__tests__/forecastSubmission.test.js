import { createElement } from '@lwc/engine-dom';
import ForecastSubmission from 'c/forecastSubmission';
import { createRecord } from 'lightning/uiRecordApi';
import getForecastContext from '@salesforce/apex/ForecastSubmissionController.getForecastContext';

const mockRepFirstCall = require('./data/contextRepFirstCall.json');
const mockRepResubmission = require('./data/contextRepResubmission.json');
const mockManager = require('./data/contextManager.json');
const mockCreated = require('./data/createdSubmission.json');

jest.mock(
    '@salesforce/apex/ForecastSubmissionController.getForecastContext',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

describe('c-forecast-submission', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    // A save awaits the LDS call, then refreshApex: wait a macrotask, not one microtask.
    async function flushPromises() {
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        return new Promise((resolve) => setTimeout(resolve, 0));
    }

    async function render(context) {
        const element = createElement('c-forecast-submission', { is: ForecastSubmission });
        document.body.appendChild(element);
        if (context) {
            getForecastContext.emit(context);
            await flushPromises();
        }
        return element;
    }

    const query = (element, selector) => element.shadowRoot.querySelector(selector);
    const inputs = (element) => Array.from(element.shadowRoot.querySelectorAll('lightning-input'));

    describe('rep view', () => {
        it('starts a first call from the rep own deals by category', async () => {
            const element = await render(mockRepFirstCall);

            expect(getForecastContext.getLastConfig()).toEqual({ periodId: undefined });
            expect(query(element, '[data-id="view"]').textContent).toContain('Rep call');
            expect(query(element, '[data-id="current"]').textContent).toBe('No call submitted yet this period.');
            expect(inputs(element).map((i) => [i.label, i.value])).toEqual([
                ['Commit', 180000],
                ['Best Case', 95000],
                ['Pipeline', 240000]
            ]);
            expect(query(element, 'table')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('submits a resubmission as a new version that supersedes the current one', async () => {
            createRecord.mockResolvedValue(mockCreated);
            const element = await render(mockRepResubmission);
            expect(query(element, '[data-id="current"]').textContent).toContain('version 2, week of Nov 23, 2026');
            const commit = inputs(element)[0];
            commit.dispatchEvent(new CustomEvent('change', { detail: { value: '175000' } }));
            await flushPromises();

            query(element, 'lightning-button').click();
            await flushPromises();

            expect(createRecord).toHaveBeenCalledWith({
                apiName: 'Forecast_Submission__c',
                fields: expect.objectContaining({
                    Level__c: 'Rep',
                    Commit__c: 175000,
                    Best_Case__c: 90000,
                    Pipeline__c: 250000,
                    Version__c: 3,
                    Supersedes__c: 'a04Dn00000Sub1AA',
                    Version_Key__c: '005Dn00000RepAA/a03Dn00000PerAA/3',
                    Manager__c: '005Dn00000MgrAAA',
                    Team_Commit__c: null
                })
            });
            expect(query(element, '[data-id="saved"]').textContent).toContain('Version 3 submitted');
            await expect(element).toBeAccessible();
        });
    });

    describe('manager view', () => {
        it('shows the team calls, the roll-up and no judgement while the call equals it', async () => {
            const element = await render(mockManager);

            const rows = Array.from(element.shadowRoot.querySelectorAll('[data-id="team-row"]'));
            expect(rows.map((r) => r.querySelector('th').textContent)).toEqual([
                'Riley Chen',
                'Sam Okafor',
                'Taylor Brooks'
            ]);
            expect(rows[2].textContent).toContain('Not submitted');
            expect(query(element, '[data-id="rollup"]').textContent).toBe(
                'Team roll-up: commit $290,000, best case $150,000, pipeline $430,000'
            );
            expect(query(element, '[data-id="judgement"]').textContent).toBe('Your commit equals the roll-up.');
            expect(query(element, 'lightning-button').disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('asks for notes when the manager calls above the roll-up', async () => {
            const element = await render(mockManager);
            inputs(element)[0].dispatchEvent(new CustomEvent('change', { detail: { value: '320000' } }));
            await flushPromises();

            expect(query(element, '[data-id="judgement"]').textContent).toBe(
                'Judgement on top of the roll-up: $30,000'
            );
            expect(query(element, 'lightning-textarea').required).toBe(true);
            expect(query(element, 'lightning-button').disabled).toBe(true);
            await expect(element).toBeAccessible();
        });
    });

    describe('empty and errors', () => {
        it('shows a spinner until the context arrives', async () => {
            const element = await render();

            expect(query(element, 'lightning-spinner')).not.toBeNull();
        });

        it('shows the Apex error, such as no open period, in the shared panel', async () => {
            const element = await render();
            getForecastContext.error({
                message: 'No forecast period is open today. Ask the forecast admin to open one.'
            });
            await flushPromises();

            expect(query(element, 'c-error-panel').shadowRoot.textContent).toContain(
                'No forecast period is open today'
            );
            await expect(element).toBeAccessible();
        });

        it('shows the rule message when the period closed before the save', async () => {
            createRecord.mockRejectedValue({
                body: {
                    output: { errors: [{ message: 'The period is closed: its forecast is frozen.' }], fieldErrors: {} }
                }
            });
            const element = await render(mockRepFirstCall);
            query(element, 'lightning-button').click();
            await flushPromises();

            expect(query(element, 'c-error-panel').shadowRoot.textContent).toContain('its forecast is frozen');
            await expect(element).toBeAccessible();
        });
    });
});
