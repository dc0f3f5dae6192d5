// Turns a bench result into the Markdown table it prints and the docs show.

const number = (value, decimals) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : '—';

/** One cell: the row's statistic with its unit, and for sampled rows the p25–p75 spread. */
function cell(row, figure) {
  if (!figure) return 'n/a';
  const unit = row.unit ? ` ${row.unit}` : '';
  const main = `${number(figure.value, row.decimals)}${unit}`;
  if (row.stat !== 'median' || !Number.isFinite(figure.p25)) return main;
  return `${main} [${number(figure.p25, row.decimals)}–${number(figure.p75, row.decimals)}]`;
}

/** `ours ÷ reference`, e.g. `0.07×`; a dash when the reference is zero or either side is missing. */
export function ratio(ours, reference) {
  if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0) return NaN;
  return ours / reference;
}

function formatRatio(value) {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0×';
  return `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}×`;
}

/**
 * Splits the contestants into ours and the references every figure of ours is divided by: alloy,
 * the bare fetch and the contract floor (by `role`); a result written before roles existed has
 * alloy, last, only.
 */
function roles(contestants) {
  if (!contestants.some((c) => c.role))
    return { ours: contestants.slice(0, -1), references: contestants.slice(-1) };
  return {
    ours: contestants.filter((c) => c.role === 'ours'),
    references: contestants.filter((c) => c.role !== 'ours'),
  };
}

/**
 * Turns a bench result (the JSON `npm run bench` writes) into one of its Markdown tables: the rows
 * of `table` (`main`, or `cold` for the cold visits) grouped under bold headings, one column per
 * contestant and, for each of ours, its ratio to each reference (alloy, the bare fetch, the
 * contract floor). A result without rows for `table` (one written before the cold measure
 * existed) gives a sentence saying so.
 */
export function formatTable(result, table = 'main') {
  const { contestants } = result;
  const rows = result.rows.filter((row) => (row.table ?? 'main') === table);
  if (!rows.length) return `_This result has no \`${table}\` measures: run \`npm run bench -- --publish\`._`;
  const { ours, references } = roles(contestants);
  const pairs = ours.flatMap((mine) => references.map((reference) => [mine, reference]));
  const header = [
    'Measure',
    ...contestants.map((c) => c.label),
    ...pairs.map(
      ([mine, reference]) =>
        `${mine.id === 'ours' ? 'ours' : mine.label} ÷ ${reference.role === 'alloy' ? reference.id : reference.label}`,
    ),
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`,
  ];
  let group;
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      lines.push(`| **${group}** |${' |'.repeat(header.length - 1)}`);
    }
    const cells = contestants.map((c) => cell(row, row.figures[c.id]));
    const ratios = pairs.map(([mine, reference]) =>
      formatRatio(ratio(row.figures[mine.id]?.value, row.figures[reference.id]?.value)),
    );
    lines.push(`| ${row.label} | ${[...cells, ...ratios].join(' | ')} |`);
  }
  return lines.join('\n');
}
