/** What a compiled formula evaluates against, and how it reports a run-time error. */

/** Throws a positioned runtime FormulaError (built by the compiler for one call site). */
export type Fail = (message: string) => never;

/** What a formula evaluates against. Records are plain objects keyed by API name. */
export interface EvalContext {
  /** The record; relationship values nest under the relationship name: `{Account: {Name: 'Acme'}}`. */
  readonly record?: Readonly<Record<string, unknown>> | null;
  /** The record before the change (ISCHANGED / PRIORVALUE / ISNEW). Absent = the record is being created. */
  readonly prior?: Readonly<Record<string, unknown>> | null;
  /** `$User` (and `$User.Profile`, `$User.UserRole` when nested). */
  readonly user?: Readonly<Record<string, unknown>> | null;
  /** `$Profile`; defaults to `user.Profile`. */
  readonly profile?: Readonly<Record<string, unknown>> | null;
  /** `$UserRole`; defaults to `user.UserRole`. */
  readonly userRole?: Readonly<Record<string, unknown>> | null;
  /** `$RecordType`; defaults to `record.RecordType`. */
  readonly recordType?: Readonly<Record<string, unknown>> | null;
  /** `$Organization`. */
  readonly organization?: Readonly<Record<string, unknown>> | null;
  /** Custom permissions the running user has (`$Permission.X`); names are case-insensitive. */
  readonly permissions?: ReadonlySet<string> | readonly string[] | null;
  /** The current instant for TODAY / NOW / TIMENOW. Required by formulas that use them. */
  readonly now?: Date | string | number | null;
  /** IANA time zone for TODAY and DATEVALUE(datetime); defaults to `user.TimeZoneSidKey`, then UTC. */
  readonly timeZone?: string | null;
  /** Overrides "new record" (default: no `prior`). */
  readonly isNew?: boolean | null;
  readonly isClone?: boolean | null;
  /** `$CustomMetadata` values overriding the schema's: `{Type__mdt: {Record: {Field__c: value}}}`. */
  readonly customMetadata?: Readonly<
    Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>
  > | null;
}
