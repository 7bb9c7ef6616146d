import { createElement } from '@lwc/engine-dom';
import MeddiccScorecard from 'c/meddiccScorecard';
import { getRecord } from 'lightning/uiRecordApi';

const mockComplete = require('./data/opportunityMeddiccComplete.json');
const mockPartial = require('./data/opportunityMeddiccPartial.json');
const mockEmpty = require('./data/opportunityMeddiccEmpty.json');

describe('c-meddicc-scorecard', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    async function flushPromises() {
        return Promise.resolve();
    }

    async function render(record) {
        const element = createElement('c-meddicc-scorecard', { is: MeddiccScorecard });
        element.recordId = mockComplete.id;
        document.body.appendChild(element);
        if (record) {
            getRecord.emit(record);
            await flushPromises();
        }
        return element;
    }

    const query = (element, selector) => element.shadowRoot.querySelector(selector);
    const states = (element) =>
        Array.from(element.shadowRoot.querySelectorAll('[data-id="state"]')).map((node) => node.textContent);

    it('asks for the seven MEDDICC fields in order', async () => {
        await render();

        expect(getRecord.getLastConfig().fields.map((f) => f.fieldApiName)).toEqual([
            'Metrics__c',
            'Economic_Buyer__c',
            'Decision_Criteria__c',
            'Decision_Process__c',
            'Problem_Statement__c',
            'Champion__c',
            'Competition__c'
        ]);
    });

    describe('with data', () => {
        it('counts the confirmed items and asks for the missing ones', async () => {
            const element = await render(mockPartial);

            expect(query(element, '[data-id="summary"]').textContent).toBe('4 of 7 MEDDICC items confirmed');
            expect(query(element, 'lightning-progress-bar').value).toBe(57);
            expect(states(element)).toEqual([
                'Confirmed',
                'Confirmed',
                'Missing',
                'Missing',
                'Confirmed',
                'Missing',
                'Confirmed'
            ]);
            const hints = Array.from(element.shadowRoot.querySelectorAll('[data-id="hint"]')).map((h) =>
                h.textContent.trim()
            );
            expect(hints).toEqual([
                'How will they choose?',
                'Which steps, people and dates?',
                'Who sells for you inside?'
            ]);
            await expect(element).toBeAccessible();
        });

        it('shows a full scorecard', async () => {
            const element = await render(mockComplete);

            expect(query(element, '[data-id="summary"]').textContent).toBe('7 of 7 MEDDICC items confirmed');
            expect(states(element).every((s) => s === 'Confirmed')).toBe(true);
            await expect(element).toBeAccessible();
        });
    });

    describe('empty', () => {
        it('shows every item missing on a new deal', async () => {
            const element = await render(mockEmpty);

            expect(query(element, '[data-id="summary"]').textContent).toBe('0 of 7 MEDDICC items confirmed');
            expect(query(element, 'lightning-progress-bar').value).toBe(0);
            await expect(element).toBeAccessible();
        });
    });

    describe('with errors', () => {
        it('shows the error in the shared panel', async () => {
            const element = await render();
            getRecord.error({ message: 'Insufficient access rights on cross-reference id' });
            await flushPromises();

            expect(query(element, 'c-error-panel').shadowRoot.textContent).toContain(
                'Insufficient access rights on cross-reference id'
            );
            expect(query(element, 'ul')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });
});
