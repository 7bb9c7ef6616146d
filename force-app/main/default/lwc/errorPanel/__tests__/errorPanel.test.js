import { createElement } from '@lwc/engine-dom';
import ErrorPanel from 'c/errorPanel';

const mockSaveError = require('./data/saveErrorWithFieldErrors.json');

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    function render(props) {
        const element = createElement('c-error-panel', { is: ErrorPanel });
        Object.assign(element, props);
        document.body.appendChild(element);
        return element;
    }

    const messages = (element) =>
        Array.from(element.shadowRoot.querySelectorAll('[data-id="message"]')).map((p) => p.textContent);

    it('shows the friendly message and every message of a UI API save error', async () => {
        const element = render({
            friendlyMessage: 'The forecast was not submitted.',
            errors: mockSaveError
        });

        expect(element.shadowRoot.querySelector('[data-id="friendly"]').textContent).toBe(
            'The forecast was not submitted.'
        );
        expect(messages(element)).toEqual([
            'The period is closed: its forecast is frozen.',
            'Say why in Judgement Notes.'
        ]);
        await expect(element).toBeAccessible();
    });

    it('shows a list of errors from several wires', () => {
        const element = render({ errors: [{ body: { message: 'Apex said no' } }, new Error('Script failed')] });

        expect(messages(element)).toEqual(['Apex said no', 'Script failed']);
        expect(element.shadowRoot.querySelector('[role="alert"]')).not.toBeNull();
    });

    it('shows only the friendly message when there is no detail', async () => {
        const element = render({ errors: undefined });

        expect(element.shadowRoot.querySelector('[data-id="friendly"]').textContent).toBe('Something went wrong.');
        expect(messages(element)).toEqual([]);
        await expect(element).toBeAccessible();
    });
});
