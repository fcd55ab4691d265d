import { setRandomSeed } from '../src/util/random';

// Tests replay tessera's own seed sequence (setRandomSeed(0) is the sequence it used before unseeded draws took
// Math.random, as TF.js's do), so their expected values hold run to run; test/ops/unseeded-random-tfjs.test.ts
// clears it to compare TF.js's Math.random draws.
setRandomSeed(0);
