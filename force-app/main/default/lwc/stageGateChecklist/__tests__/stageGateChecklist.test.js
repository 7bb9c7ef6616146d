import { createElement } from '@lwc/engine-dom';
import StageGateChecklist from 'c/stageGateChecklist';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import getExitCriteria from '@salesforce/apex/StageGateController.getExitCriteria';

const mockDiscoveryCriteria = require('./data/exitCriteriaDiscovery.json');
const mockValueDemoCriteria = require('./data/exitCriteriaValueDemo.json');
const mockDiscoveryMissing = require('./data/opportunityDiscoveryMissing.json');
const mockDiscoveryComplete = require('./data/opportunityDiscoveryComplete.json');
const mockValueDemo = require('./data/opportunityValueDemo.json');
const mockClosedWon = require('./data/opportunityClosedWon.json');
const mockNoCriteria = require('./data/exitCriteriaNone.json');
const mockObjectInfo = require('./data/objectInfoOpportunity.json');
const mockValidationCriteria = require('./data/exitCriteriaValidation.json');
const mockValidationEnt = require('./data/opportunityValidationENT.json');
const mockValidationMm = require('./data/opportunityValidationMM.json');

const RECORD_ID = '006Dn00000AbCdEIAV';

// Apex wire adapters have no stub in sfdx-lwc-jest: mock the method as a test wire adapter
jest.mock(
    '@salesforce/apex/StageGateController.getExitCriteria',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

describe('c-stage-gate-checklist', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    // Wire adapters emit asynchronously; wait for the re-render before asserting
    async function flushPromises() {
        return Promise.resolve();
    }

    function createComponent() {
        const element = createElement('c-stage-gate-checklist', { is: StageGateChecklist });
        element.recordId = RECORD_ID;
        document.body.appendChild(element);
        return element;
    }

    // Drives the wires in the order LDS and Apex resolve on a record page
    async function renderStage(record, criteria, objectInfo = mockObjectInfo) {
        const element = createComponent();
        getObjectInfo.emit(objectInfo);
        getRecord.emit(record);
        await flushPromises();
        getExitCriteria.emit(criteria);
        await flushPromises();
        return element;
    }

    const query = (element, selector) => element.shadowRoot.querySelector(selector);
    const queryAll = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));
    const textIn = (node, selector) => node.querySelector(selector)?.textContent.trim();
    const textOf = (element, selector) => textIn(element.shadowRoot, selector);

    it('shows a spinner until the stage and its criteria have loaded', async () => {
        const element = createComponent();
        getRecord.emit(mockDiscoveryMissing);
        await flushPromises();

        expect(query(element, 'lightning-spinner')).not.toBeNull();
        expect(query(element, 'ul')).toBeNull();
    });

    it('asks for the stage and the exit criteria of the current stage', async () => {
        createComponent();
        getRecord.emit(mockDiscoveryMissing);
        await flushPromises();

        expect(getRecord.getLastConfig()).toEqual(
            expect.objectContaining({
                recordId: RECORD_ID,
                fields: [
                    { objectApiName: 'Opportunity', fieldApiName: 'StageName' },
                    { objectApiName: 'Opportunity', fieldApiName: 'IsClosed' }
                ]
            })
        );
        expect(getExitCriteria.getLastConfig()).toEqual({
            objectApiName: 'Opportunity',
            stageName: 'Discovery'
        });
    });

    it('requests the criteria fields as optional fields of the record', async () => {
        await renderStage(mockDiscoveryMissing, mockDiscoveryCriteria);

        expect(getRecord.getLastConfig().optionalFields).toEqual([
            'Opportunity.Account.Segment__c',
            'Opportunity.Problem_Statement__c',
            'Opportunity.Economic_Buyer__c',
            'Opportunity.Pain_Confirmed__c'
        ]);
    });

    describe('with data', () => {
        it('shows every criterion as met when all are filled', async () => {
            const element = await renderStage(mockDiscoveryComplete, mockDiscoveryCriteria);

            expect(textOf(element, '[data-id="summary"]')).toBe('3 of 3 exit criteria met');
            expect(query(element, 'lightning-progress-bar').value).toBe(100);
            const states = queryAll(element, '[data-id="state"]').map((state) => state.textContent);
            expect(states).toEqual(['Met', 'Met', 'Met']);
            expect(queryAll(element, '[data-id="guidance"]')).toHaveLength(0);
        });

        it('shows missing criteria with their guidance, in sort order', async () => {
            const element = await renderStage(mockDiscoveryMissing, mockDiscoveryCriteria);

            expect(textOf(element, '[data-id="summary"]')).toBe('1 of 3 exit criteria met');
            expect(query(element, 'lightning-progress-bar').value).toBe(33);
            const items = queryAll(element, 'li');
            expect(items.map((item) => item.dataset.field)).toEqual([
                'Problem_Statement__c',
                'Economic_Buyer__c',
                'Pain_Confirmed__c'
            ]);
            expect(items.map((item) => textIn(item, '[data-id="state"]'))).toEqual(['Met', 'Missing', 'Missing']);
            expect(items[1].textContent).toContain('Economic Buyer');
            expect(items.map((item) => textIn(item, '[data-id="guidance"]'))).toEqual([
                undefined,
                'Name the person who can sign off the budget.',
                'Confirm the pain with the champion before the demo.'
            ]);
        });

        it("lists a segment's criterion for a deal of that segment", async () => {
            const element = await renderStage(mockValidationEnt, mockValidationCriteria);

            expect(queryAll(element, 'li').map((item) => item.dataset.field)).toEqual([
                'Tech_Validation_Complete__c',
                'Security_Review_Complete__c'
            ]);
            expect(textOf(element, '[data-id="summary"]')).toBe('1 of 2 exit criteria met');
        });

        it("leaves out another segment's criterion", async () => {
            const element = await renderStage(mockValidationMm, mockValidationCriteria);

            expect(queryAll(element, 'li').map((item) => item.dataset.field)).toEqual(['Tech_Validation_Complete__c']);
            expect(textOf(element, '[data-id="summary"]')).toBe('1 of 1 exit criteria met');
        });

        it('marks state with an icon as well as text', async () => {
            const element = await renderStage(mockDiscoveryMissing, mockDiscoveryCriteria);

            const icons = queryAll(element, 'lightning-icon').map((icon) => icon.iconName);
            expect(icons).toEqual(['utility:success', 'utility:warning', 'utility:warning']);
        });

        it('falls back to field API names when object info is unavailable', async () => {
            const element = createComponent();
            getObjectInfo.error();
            getRecord.emit(mockDiscoveryMissing);
            await flushPromises();
            getExitCriteria.emit(mockDiscoveryCriteria);
            await flushPromises();

            expect(queryAll(element, 'li')[1].textContent).toContain('Economic_Buyer__c');
            expect(query(element, '[data-id="error"]')).toBeNull();
        });

        it('shows an empty state when the stage has no exit criteria', async () => {
            const element = await renderStage(mockValueDemo, []);

            expect(textOf(element, '[data-id="empty"]')).toBe('No exit criteria are defined for the Value Demo stage.');
            expect(query(element, 'ul')).toBeNull();
            expect(query(element, 'lightning-progress-bar')).toBeNull();
        });

        it('explains that a closed deal has no exit criteria', async () => {
            const element = await renderStage(mockClosedWon, mockNoCriteria);

            expect(textOf(element, '[data-id="empty"]')).toBe('This deal is closed, so no exit criteria apply.');
        });

        it('re-queries the exit criteria when the stage changes', async () => {
            const element = await renderStage(mockDiscoveryComplete, mockDiscoveryCriteria);

            getRecord.emit(mockValueDemo);
            await flushPromises();

            expect(getExitCriteria.getLastConfig()).toEqual({
                objectApiName: 'Opportunity',
                stageName: 'Value Demo'
            });
            // The previous stage's checklist must not linger while the new one loads
            expect(query(element, 'ul')).toBeNull();

            getExitCriteria.emit(mockValueDemoCriteria);
            await flushPromises();

            expect(getRecord.getLastConfig().optionalFields).toEqual([
                'Opportunity.Account.Segment__c',
                'Opportunity.Success_Criteria__c'
            ]);
            expect(textOf(element, '[data-id="summary"]')).toBe('0 of 1 exit criteria met');
            expect(query(element, 'lightning-card').title).toBe('Stage gate: Value Demo');
        });

        it('is accessible when criteria are missing', async () => {
            const element = await renderStage(mockDiscoveryMissing, mockDiscoveryCriteria);

            await expect(element).toBeAccessible();
        });

        it('is accessible when there are no exit criteria', async () => {
            const element = await renderStage(mockClosedWon, mockNoCriteria);

            await expect(element).toBeAccessible();
        });
    });

    describe('with errors', () => {
        it('shows the error from Apex', async () => {
            const element = createComponent();
            getRecord.emit(mockDiscoveryMissing);
            await flushPromises();
            getExitCriteria.error({ message: 'Insufficient access to Stage_Gate_Criterion__mdt' });
            await flushPromises();

            const panel = query(element, '[data-id="error"]').shadowRoot;
            expect(panel.querySelector('[role="alert"]')).not.toBeNull();
            expect(panel.textContent).toContain('Exit criteria could not be loaded.');
            expect(panel.textContent).toContain('Insufficient access to Stage_Gate_Criterion__mdt');
            expect(query(element, 'ul')).toBeNull();
        });

        it('shows the error from getRecord', async () => {
            const element = createComponent();
            getRecord.error([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
            await flushPromises();

            expect(query(element, '[data-id="error"]').shadowRoot.textContent).toContain(
                'The requested resource does not exist'
            );
            expect(query(element, 'lightning-spinner')).toBeNull();
        });

        it('is accessible when showing an error', async () => {
            const element = createComponent();
            getRecord.error();
            await flushPromises();

            await expect(element).toBeAccessible();
        });
    });
});
