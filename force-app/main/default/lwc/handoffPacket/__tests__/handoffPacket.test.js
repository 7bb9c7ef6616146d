import { createElement } from '@lwc/engine-dom';
import HandoffPacket from 'c/handoffPacket';
import { updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';

const mockDraftComplete = require('./data/relatedPacketDraftComplete.json');
const mockRejected = require('./data/relatedPacketRejected.json');
const mockEmpty = require('./data/relatedPacketsEmpty.json');

const OPPORTUNITY_ID = '006Dn00000RiskAAA';

describe('c-handoff-packet', () => {
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

    async function render(related) {
        const element = createElement('c-handoff-packet', { is: HandoffPacket });
        element.recordId = OPPORTUNITY_ID;
        document.body.appendChild(element);
        if (related) {
            getRelatedListRecords.emit(related);
            await flushPromises();
        }
        return element;
    }

    const query = (element, selector) => element.shadowRoot.querySelector(selector);
    const states = (element) =>
        Array.from(element.shadowRoot.querySelectorAll('[data-id="state"]')).map((s) => s.textContent);

    it('asks for the newest packet of the deal', async () => {
        await render();

        expect(getRelatedListRecords.getLastConfig()).toEqual(
            expect.objectContaining({
                parentRecordId: OPPORTUNITY_ID,
                relatedListId: 'Handoff_Packets__r',
                sortBy: ['-Handoff_Packet__c.CreatedDate'],
                pageSize: 1
            })
        );
    });

    describe('with data', () => {
        it('shows a complete draft and submits it', async () => {
            const element = await render(mockDraftComplete);

            expect(query(element, '[data-id="summary"]').textContent).toBe(
                'HOP-00017 (AE to CS): 4 of 4 sections written'
            );
            expect(states(element)).toEqual(['Written', 'Written', 'Written', 'Written']);
            await expect(element).toBeAccessible();

            query(element, 'lightning-button').click();
            await flushPromises();
            expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: 'a02Dn00000HopAAA', Status__c: 'Submitted' } });
        });

        it('shows why a packet was sent back and blocks resubmitting it incomplete', async () => {
            const element = await render(mockRejected);

            expect(query(element, '[data-id="rejection"]').textContent).toContain('No risks named');
            expect(states(element)).toEqual(['Written', 'Written', 'Missing', 'Written']);
            expect(query(element, 'lightning-button').disabled).toBe(true);
            await expect(element).toBeAccessible();
        });
    });

    describe('empty', () => {
        it('says there is no packet yet', async () => {
            const element = await render(mockEmpty);

            expect(query(element, '[data-id="empty"]').textContent).toContain('No hand-off packet yet');
            await expect(element).toBeAccessible();
        });
    });

    describe('with errors', () => {
        it('shows a load error in the shared panel', async () => {
            const element = await render();
            getRelatedListRecords.error({ message: 'Insufficient privileges' });
            await flushPromises();

            expect(query(element, 'c-error-panel').shadowRoot.textContent).toContain('Insufficient privileges');
            await expect(element).toBeAccessible();
        });

        it('shows the rule message when submitting fails', async () => {
            updateRecord.mockRejectedValue({ body: { message: 'Name the risks before submitting the packet.' } });
            const element = await render(mockDraftComplete);
            query(element, 'lightning-button').click();
            await flushPromises();

            expect(query(element, 'c-error-panel').shadowRoot.textContent).toContain('Name the risks');
            await expect(element).toBeAccessible();
        });
    });
});
