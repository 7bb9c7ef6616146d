import { createElement } from '@lwc/engine-dom';
import LeadSlaTimer from 'c/leadSlaTimer';
import { getRecord } from 'lightning/uiRecordApi';

const mockRunning = require('./data/leadRunning.json');
const mockBreached = require('./data/leadBreached.json');
const mockTouchedInTime = require('./data/leadTouchedInTime.json');
const mockNotMql = require('./data/leadNotMql.json');

// The clock is fixed, so the minutes shown do not depend on when the test runs.
const NOW = Date.parse('2026-11-30T10:06:00.000Z');
jest.mock('c/clock', () => ({ now: jest.fn() }));
const clock = require('c/clock');

describe('c-lead-sla-timer', () => {
    beforeEach(() => {
        clock.now.mockReturnValue(NOW);
    });

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
        const element = createElement('c-lead-sla-timer', { is: LeadSlaTimer });
        element.recordId = mockRunning.id;
        document.body.appendChild(element);
        if (record) {
            getRecord.emit(record);
            await flushPromises();
        }
        return element;
    }

    const status = (element) => element.shadowRoot.querySelector('[data-id="status"]')?.textContent;

    describe('with data', () => {
        it('counts down to the 15-minute SLA while no one has touched the lead', async () => {
            const element = await render(mockRunning);

            expect(status(element)).toBe('9 minutes left to first touch');
            expect(element.shadowRoot.querySelector('lightning-progress-bar').value).toBe(40);
            await expect(element).toBeAccessible();
        });

        it('shows a breach once the SLA has passed', async () => {
            const element = await render(mockBreached);

            expect(status(element)).toBe('No touch for 66 minutes: SLA breached');
            expect(element.shadowRoot.querySelector('[data-id="status"]').className).toContain('slds-text-color_error');
            // A full bar would read as done; a breach is said in red text instead.
            expect(element.shadowRoot.querySelector('lightning-progress-bar')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('stops the clock at the first touch', async () => {
            const element = await render(mockTouchedInTime);

            expect(status(element)).toBe('First touch after 7 minutes: within SLA');
            await expect(element).toBeAccessible();
        });
    });

    describe('empty', () => {
        it('runs no clock before the lead is an MQL', async () => {
            const element = await render(mockNotMql);

            expect(status(element)).toBeUndefined();
            expect(element.shadowRoot.querySelector('[data-id="empty"]').textContent).toContain('not an MQL');
            await expect(element).toBeAccessible();
        });
    });

    describe('with errors', () => {
        it('shows the error in the shared panel', async () => {
            const element = await render();
            getRecord.error({ message: 'The requested resource does not exist' });
            await flushPromises();

            expect(element.shadowRoot.querySelector('c-error-panel').shadowRoot.textContent).toContain(
                'The requested resource does not exist'
            );
            await expect(element).toBeAccessible();
        });
    });
});
