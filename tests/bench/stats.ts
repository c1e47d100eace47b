/** Order statistics of benchmark samples. */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
}

export const median = (values: number[]) => percentile(values, 0.5);
