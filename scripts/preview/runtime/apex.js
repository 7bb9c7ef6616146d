// @salesforce/apex: nothing is cached in the preview, so a refresh has nothing to do.
export function refreshApex() {
  return Promise.resolve();
}
