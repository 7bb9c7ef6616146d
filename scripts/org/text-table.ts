/**
 * A plain-text table for the terminal: padded columns, a rule under the header, the last column
 * unpadded; columns listed in `rightAligned` (counts) line up on the right.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { readonly rightAligned?: readonly number[]; readonly indent?: string } = {},
): string {
  const indent = options.indent ?? '  ';
  const right = new Set(options.rightAligned ?? []);
  const oneLine = (cell: string) => cell.replace(/\s*\n\s*/g, ' ').trim();
  const cells = [headers, ...rows].map((row) => row.map(oneLine));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    indent +
    row
      .map((cell, i) =>
        right.has(i) ? cell.padStart(widths[i]!) : i === row.length - 1 ? cell : cell.padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  const [head, ...body] = cells;
  return [line(head!), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
