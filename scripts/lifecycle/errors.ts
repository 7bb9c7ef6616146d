import { SfError } from '@salesforce/core/sfError';

/** A simulation that cannot run as asked: what is wrong and what to do (the CLI prints it without a stack). */
export class LifecycleError extends SfError {
  constructor(message: string, name: string, actions: readonly string[]) {
    super(message, name, [...actions]);
  }
}
