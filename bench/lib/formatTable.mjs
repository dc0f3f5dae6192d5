// Turns the bench's rows into the Markdown table it prints and the README shows.

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
 * Renders rows grouped under bold headings: one column per contestant and, for each of ours,
 * the ratio to the reference contestant (the last one, alloy).
 */
export function formatTable(result) {
  const { contestants, rows } = result;
  const reference = contestants[contestants.length - 1];
  const ours = contestants.slice(0, -1);
  const header = [
    'Measure',
    ...contestants.map((c) => c.label),
    ...ours.map((c) => `${c.id === 'ours' ? 'ours' : c.label} ÷ alloy`),
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
    const ratios = ours.map((c) =>
      formatRatio(ratio(row.figures[c.id]?.value, row.figures[reference.id]?.value)),
    );
    lines.push(`| ${row.label} | ${[...cells, ...ratios].join(' | ')} |`);
  }
  return lines.join('\n');
}
