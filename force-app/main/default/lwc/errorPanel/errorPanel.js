import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';

/**
 * The one place every RevOps component shows an error: what failed in the rep's words, then the
 * messages Salesforce returned (validation rule messages included), as an assertive alert.
 */
export default class ErrorPanel extends LightningElement {
    /** What could not be done, e.g. "The deal risk could not be loaded." */
    @api friendlyMessage = 'Something went wrong.';
    /** One error or a list of them, from LDS, Apex or JavaScript. */
    @api errors;

    get messages() {
        return reduceErrors(this.errors).map((message, index) => ({ key: `${index}`, message }));
    }
}
