/**
 * The people structure reports, dashboards and records are shared along: the role hierarchy
 * (managers see their teams' private records, such as forecast submissions) and public groups
 * (cross-team readers such as RevOps or Finance). Folders share to these, never to a username.
 */

export interface RoleDef {
  readonly kind: 'role';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  /** The role above this one; blank at the top of the hierarchy. */
  readonly parent?: string;
  /** May managers in this role share forecasts with others (collaborative forecasting). */
  readonly mayForecastManagerShare: boolean;
  readonly locked?: boolean;
}
export const role = (
  name: string,
  o: { label: string; description?: string; parent?: RoleDef; mayForecastManagerShare?: boolean; locked?: boolean },
): RoleDef => ({
  kind: 'role',
  name,
  label: o.label,
  description: o.description,
  parent: o.parent?.name,
  mayForecastManagerShare: o.mayForecastManagerShare ?? false,
  locked: o.locked,
});

export interface PublicGroupDef {
  readonly kind: 'publicGroup';
  readonly name: string;
  readonly label: string;
  /** Managers of members (up the role hierarchy) get what the group gets. */
  readonly includeBosses: boolean;
  readonly locked?: boolean;
}
export const publicGroup = (
  name: string,
  o: { label: string; includeBosses?: boolean; locked?: boolean },
): PublicGroupDef => ({
  kind: 'publicGroup',
  name,
  label: o.label,
  includeBosses: o.includeBosses ?? true,
  locked: o.locked,
});

/** What this family adds to the model. */
export interface RolesModel {
  readonly roles: readonly RoleDef[];
  readonly publicGroups: readonly PublicGroupDef[];
}
