/** The middle value of `values` (the upper middle of an even count), for the benchmarks. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
