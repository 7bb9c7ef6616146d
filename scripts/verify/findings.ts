/** One thing verify found: where (file[:line[:column]]), which component, what. */
export interface Finding {
  readonly check: string;
  readonly location: string;
  readonly component?: string;
  readonly message: string;
}

export const formatFinding = (f: Finding): string =>
  `  ${f.location}${f.component ? `: ${f.component}` : ''}: ${f.message}`;
