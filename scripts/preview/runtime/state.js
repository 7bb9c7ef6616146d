// Browser side of the local preview: which fixture each wire adapter and Apex method returns for
// the component being rendered. The page sets the state right before it creates each component;
// adapters read it when they are created, so several states of one component render side by side.
let current = { wires: {}, calls: {} };

export function setState(state) {
  current = { wires: state.wires ?? {}, calls: state.calls ?? {} };
}

/** A wire adapter that emits the fixture of `name` (data or error), or nothing: the loading state. */
export function fixtureAdapter(name) {
  return class FixtureAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
      this.fixture = current.wires[name];
    }
    update() {
      const fixture = this.fixture;
      if (!fixture) return;
      // LDS and Apex answer asynchronously; so does the preview.
      Promise.resolve().then(() =>
        this.dataCallback(
          fixture.error ? { data: undefined, error: fixture.error } : { data: fixture.data, error: undefined },
        ),
      );
    }
    connect() {}
    disconnect() {}
  };
}

/** An imperative call (createRecord, an Apex method called directly): resolves the fixture. */
export function fixtureCall(name) {
  return () => {
    const fixture = current.calls[name];
    return fixture?.error ? Promise.reject(fixture.error) : Promise.resolve(fixture?.data ?? {});
  };
}

export function fixedNow() {
  return current.now ?? Date.parse('2026-11-30T10:06:00.000Z');
}

export function setNow(now) {
  current.now = now;
}
