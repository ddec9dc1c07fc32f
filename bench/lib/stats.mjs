// Small helpers for medians and markdown tables.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The q-quantile (0..1) by nearest rank, for spread (p25/p75). */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

/** A markdown table; `align` is one letter per column, l or r (default: the first left, the rest right). */
export function table(header, rows, align = 'l' + 'r'.repeat(header.length - 1)) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (align[i] === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export const fmt = {
  int: (n) => Math.round(n).toLocaleString('en-US'),
  f1: (n) => n.toFixed(1),
  f2: (n) => n.toFixed(2),
  ratio: (n) => `${n.toFixed(2)}×`,
  kb: (bytes) => `${(bytes / 1024).toFixed(1)} KB`,
  mb: (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`,
};
