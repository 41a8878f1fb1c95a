/** Benchmark output: a table for people, or one JSON object per line with --json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function report(title: string, figures: Figure[], json = process.argv.includes('--json')): void {
  if (json) {
    for (const f of figures) console.log(JSON.stringify(f));
    return;
  }
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log(`\n${title}`);
  for (const f of figures)
    console.log(`  ${f.name.padEnd(width)}  ${String(f.value).padStart(10)} ${f.unit}`);
}
