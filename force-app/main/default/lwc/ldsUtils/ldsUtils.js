/**
 * Turns one or more errors from LDS wires, Apex calls or plain JavaScript into readable messages.
 * @param {Object|Object[]} errors a FetchResponse-shaped error, an Error, or a list of them
 * @return {String[]} the messages, without blanks
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    return list
        .filter((error) => !!error)
        .flatMap(messagesOf)
        .filter((message) => typeof message === 'string' && message.length > 0);
}

function messagesOf(error) {
    const body = error.body;
    // UI API read errors arrive as a list of messages
    if (Array.isArray(body)) {
        return body.map((entry) => entry.message);
    }
    // UI API DML errors carry record-level and field-level messages
    if (body?.output) {
        const fieldErrors = Object.values(body.output.fieldErrors ?? {}).flat();
        const messages = [...(body.output.errors ?? []), ...fieldErrors].map((entry) => entry.message);
        if (messages.length > 0) {
            return messages;
        }
    }
    // Apex, UI API and network errors
    if (typeof body?.message === 'string') {
        return [body.message];
    }
    // JavaScript errors
    if (typeof error.message === 'string') {
        return [error.message];
    }
    return [error.statusText];
}
