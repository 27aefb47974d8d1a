/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman and Vigna,
 * "Scrambled linear pseudorandom number generators", 2021) seeded through
 * SplitMix32, with Gaussian samples by the Box–Muller transform. The same
 * seed gives the same sequence on every platform.
 */
export interface Random {
  /** Uniform float in [0, 1). */
  uniform(): number;
  /** Standard normal sample (mean 0, standard deviation 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  integer(n: number): number;
}

/** Creates a generator from a 32-bit integer seed. */
export function createRandom(seed: number): Random {
  // SplitMix32 spreads a small seed over the 128-bit state, which must not be all zero.
  let s = seed >>> 0;
  const splitMix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state = new Uint32Array([splitMix(), splitMix(), splitMix(), splitMix()]);

  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(state[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (state[1] << 9) >>> 0;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return result;
  };

  let spare: number | undefined;
  const uniform = (): number => next() / 4294967296;
  return {
    uniform,
    normal: () => {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      // 1 − u lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
      const angle = 2 * Math.PI * uniform();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    integer: (n) => Math.floor(uniform() * n),
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Derives a stage seed from the pipeline seed and a stage id (FNV-1a hash of the id mixed with the seed). */
export function deriveSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
