import { createElement } from '@lwc/engine-dom';
import ExceptionRequest from 'c/exceptionRequest';
import { createRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';

const mockObjectInfo = require('./data/objectInfoDealException.json');
const mockReasons = require('./data/picklistReasons.json');
const mockExceptions = require('./data/relatedExceptions.json');
const mockNoExceptions = require('./data/relatedExceptionsEmpty.json');
const mockCreated = require('./data/createdException.json');

const OPPORTUNITY_ID = '006Dn00000RiskAAA';
jest.mock('c/clock', () => ({ now: () => Date.parse('2026-11-30T12:00:00.000Z') }));

describe('c-exception-request', () => {
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

    async function render(related = mockExceptions) {
        const element = createElement('c-exception-request', { is: ExceptionRequest });
        element.recordId = OPPORTUNITY_ID;
        document.body.appendChild(element);
        getObjectInfo.emit(mockObjectInfo);
        getPicklistValues.emit(mockReasons);
        if (related) getRelatedListRecords.emit(related);
        await flushPromises();
        return element;
    }

    const query = (element, selector) => element.shadowRoot.querySelector(selector);
    const change = (node, value) => node.dispatchEvent(new CustomEvent('change', { detail: { value } }));

    describe('with data', () => {
        it('lists the exceptions of the deal and offers the reasons of the picklist', async () => {
            const element = await render();

            expect(getRelatedListRecords.getLastConfig()).toEqual(
                expect.objectContaining({ parentRecordId: OPPORTUNITY_ID, relatedListId: 'Deal_Exceptions__r' })
            );
            const rows = Array.from(element.shadowRoot.querySelectorAll('[data-id="exception"]'));
            expect(rows.map((r) => r.textContent)).toEqual([
                expect.stringContaining('EXC-00042'),
                expect.stringContaining('EXC-00051')
            ]);
            expect(query(element, 'lightning-combobox').options).toHaveLength(6);
            expect(query(element, 'lightning-input').value).toBe('2026-12-30');
            await expect(element).toBeAccessible();
        });

        it('requests an exception through LDS with status Requested', async () => {
            createRecord.mockResolvedValue(mockCreated);
            const element = await render();
            change(query(element, 'lightning-combobox'), 'Payment Terms');
            change(query(element, 'lightning-textarea'), 'Net-60 agreed with the CFO.');
            await flushPromises();
            expect(query(element, 'lightning-button').disabled).toBe(false);

            query(element, 'lightning-button').click();
            await flushPromises();

            expect(createRecord).toHaveBeenCalledWith({
                apiName: 'Deal_Exception__c',
                fields: {
                    Opportunity__c: OPPORTUNITY_ID,
                    Reason__c: 'Payment Terms',
                    Details__c: 'Net-60 agreed with the CFO.',
                    Expires_On__c: '2026-12-30',
                    Status__c: 'Requested'
                }
            });
            expect(query(element, '[data-id="saved"]').textContent).toContain('EXC-00052 was requested');
            await expect(element).toBeAccessible();
        });

        it('keeps the button disabled until a reason and details are given', async () => {
            const element = await render();

            expect(query(element, 'lightning-button').disabled).toBe(true);
        });
    });

    describe('empty', () => {
        it('says the deal is on process when it has no exceptions', async () => {
            const element = await render(mockNoExceptions);

            expect(query(element, '[data-id="empty"]').textContent).toContain('No exceptions yet');
            await expect(element).toBeAccessible();
        });
    });

    describe('with errors', () => {
        it('shows a load error in the shared panel', async () => {
            const element = await render(null);
            getRelatedListRecords.error({ message: 'Deal_Exceptions__r is not a valid related list' });
            await flushPromises();

            expect(query(element, 'c-error-panel').shadowRoot.textContent).toContain('is not a valid related list');
            await expect(element).toBeAccessible();
        });

        it('shows the validation rule message when the save is rejected', async () => {
            createRecord.mockRejectedValue({
                body: {
                    output: {
                        errors: [],
                        fieldErrors: {
                            Expires_On__c: [
                                {
                                    message:
                                        'Set the expiry between today and 90 days from today: every exception expires.'
                                }
                            ]
                        }
                    }
                }
            });
            const element = await render();
            change(query(element, 'lightning-combobox'), 'Other');
            change(query(element, 'lightning-textarea'), 'Custom SLA.');
            await flushPromises();
            query(element, 'lightning-button').click();
            await flushPromises();

            const panel = query(element, 'c-error-panel');
            expect(panel.friendlyMessage).toBe('The exception was not requested.');
            expect(panel.shadowRoot.textContent).toContain('every exception expires');
            await expect(element).toBeAccessible();
        });
    });
});
