/** One figure of `npm run bench`; every part adds its own to bench-results/latest.json. */
export interface BenchEntry {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "<= 1.5"; empty when the figure is informative only. */
  goal: string;
}

export interface BenchPart {
  title: string;
  run(): Promise<BenchEntry[]>;
}
