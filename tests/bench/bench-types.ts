/** The shape every benchmark reports: one figure with its unit. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export interface BenchOptions {
  /** A reduced run: the whole of `npm run bench -- --quick` must finish in under two minutes. */
  quick: boolean;
}
