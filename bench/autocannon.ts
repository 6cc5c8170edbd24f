/** The part of autocannon's API the benches use (it ships no types), shared by serve.ts and jobs.ts. */
import { createRequire } from 'node:module';

export interface Histogram {
  readonly average: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}
export interface CannonResult {
  readonly requests: Histogram & { readonly total: number };
  readonly latency: Histogram;
  readonly throughput: Histogram;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly duration: number;
}
export interface CannonRequest {
  path?: string;
  method?: string;
}
export type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  requests: { setupRequest: (request: CannonRequest) => CannonRequest }[];
}) => Promise<CannonResult>;
export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
