// The seeded generator lives in lib/util/prng.ts (training, splits and tests use it too).
export * from "../util/prng";
