import { reduceErrors } from 'c/ldsUtils';

describe('c-lds-utils reduceErrors', () => {
    it('returns an empty list for no error', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors([null, undefined])).toEqual([]);
    });

    it('reads UI API read errors (body is a list)', () => {
        const error = { body: [{ message: 'First' }, { message: 'Second' }] };

        expect(reduceErrors(error)).toEqual(['First', 'Second']);
    });

    it('reads UI API DML record and field errors', () => {
        const error = {
            body: {
                message: 'An error occurred while trying to update the record.',
                output: {
                    errors: [{ message: 'Record error' }],
                    fieldErrors: { Amount: [{ message: 'Amount must be positive' }] }
                }
            }
        };

        expect(reduceErrors(error)).toEqual(['Record error', 'Amount must be positive']);
    });

    it('falls back to the body message when DML output has no messages', () => {
        const error = { body: { message: 'Top-level message', output: { errors: [], fieldErrors: {} } } };

        expect(reduceErrors(error)).toEqual(['Top-level message']);
    });

    it('reads Apex errors (body.message)', () => {
        expect(reduceErrors({ body: { message: 'Apex says no' }, status: 500 })).toEqual(['Apex says no']);
    });

    it('reads JavaScript errors', () => {
        expect(reduceErrors(new TypeError('Cannot read properties of undefined'))).toEqual([
            'Cannot read properties of undefined'
        ]);
    });

    it('falls back to the HTTP status text', () => {
        expect(reduceErrors({ status: 503, statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
    });

    it('flattens a list of mixed errors in order', () => {
        const errors = [{ body: { message: 'Apex' } }, { body: [{ message: 'UI API' }] }, new Error('JS')];

        expect(reduceErrors(errors)).toEqual(['Apex', 'UI API', 'JS']);
    });
});
