/**
 * The current time, in one module so that tests and the local preview can fix it (a timer that
 * reads Date.now() directly would make every screenshot and assertion depend on when it ran).
 * @return {Number} milliseconds since the epoch
 */
export function now() {
    return Date.now();
}
