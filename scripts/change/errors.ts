/**
 * A failure of the change-control toolkit (diff, impact, RFCs, releases) that the admin can act
 * on: the message names the ref, file, RFC or component and what is wrong; `actions` say what to
 * do. The CLI prints it as one line without a stack trace and exits 1.
 */
export class ChangeError extends Error {
  override readonly name: string = 'ChangeError';
  readonly actions: readonly string[];

  constructor(message: string, ...actions: string[]) {
    super(message);
    this.actions = actions;
  }
}
