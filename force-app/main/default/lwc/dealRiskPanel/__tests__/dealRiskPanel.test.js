import { createElement } from '@lwc/engine-dom';
import DealRiskPanel from 'c/dealRiskPanel';
import { getRecord } from 'lightning/uiRecordApi';

const mockHighRisk = require('./data/opportunityHighRisk.json');
const mockLowRisk = require('./data/opportunityLowRisk.json');
const mockClosed = require('./data/opportunityClosed.json');

describe('c-deal-risk-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    async function flushPromises() {
        return Promise.resolve();
    }

    function createComponent() {
        const element = createElement('c-deal-risk-panel', { is: DealRiskPanel });
        element.recordId = mockHighRisk.id;
        document.body.appendChild(element);
        return element;
    }

    const query = (element, selector) => element.shadowRoot.querySelector(selector);
    const texts = (element, selector) =>
        Array.from(element.shadowRoot.querySelectorAll(selector)).map((node) => node.textContent.trim());

    it('shows a spinner, then asks LDS for the risk fields of the record', async () => {
        const element = createComponent();
        expect(query(element, 'lightning-spinner')).not.toBeNull();
        await flushPromises();

        expect(getRecord.getLastConfig()).toEqual(
            expect.objectContaining({
                recordId: mockHighRisk.id,
                fields: [
                    { objectApiName: 'Opportunity', fieldApiName: 'Risk_Score__c' },
                    { objectApiName: 'Opportunity', fieldApiName: 'Risk_Level__c' },
                    { objectApiName: 'Opportunity', fieldApiName: 'Risk_Reasons__c' },
                    { objectApiName: 'Opportunity', fieldApiName: 'IsClosed' }
                ]
            })
        );
    });

    describe('with data', () => {
        it('shows the score, the level and every reason with its points', async () => {
            const element = createComponent();
            getRecord.emit(mockHighRisk);
            await flushPromises();

            expect(query(element, '[data-id="score"]').textContent).toBe('71');
            expect(query(element, '[data-id="level"]').textContent).toBe('High');
            expect(query(element, '[data-id="level"]').className).toContain('slds-theme_error');
            expect(texts(element, '[data-id="reason"]')).toEqual([
                'No activity for 21 days (+20)',
                'No champion (+15)',
                'Close date pushed 2x (+20)',
                'MEDDICC 3 of 7 (+16)'
            ]);
            await expect(element).toBeAccessible();
        });

        it('says so when no signal fires', async () => {
            const element = createComponent();
            getRecord.emit(mockLowRisk);
            await flushPromises();

            expect(query(element, '[data-id="score"]').textContent).toBe('0');
            expect(texts(element, '[data-id="reason"]')).toEqual([]);
            expect(query(element, '[data-id="no-reasons"]')).not.toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('empty', () => {
        it('shows no score on a closed deal', async () => {
            const element = createComponent();
            getRecord.emit(mockClosed);
            await flushPromises();

            expect(query(element, '[data-id="empty"]').textContent).toContain('closed');
            expect(query(element, '[data-id="score"]')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    describe('with errors', () => {
        it('shows the LDS error in the shared error panel', async () => {
            const element = createComponent();
            getRecord.error({ message: 'Field Risk_Score__c is not accessible' });
            await flushPromises();

            const panel = query(element, 'c-error-panel');
            expect(panel.friendlyMessage).toBe('The deal risk could not be loaded.');
            expect(panel.shadowRoot.textContent).toContain('Field Risk_Score__c is not accessible');
            await expect(element).toBeAccessible();
        });
    });
});
