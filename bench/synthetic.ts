// The synthetic mention generator now lives in the monitoring feature (the demo feed uses it too); re-exported for the benchmarks.
export { rng, syntheticMentions, topicQueries } from '../src/features/monitoring/server/synthetic.ts';
