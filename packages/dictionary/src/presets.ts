import type { LogGaborBankOptions } from './log-gabor-bank.ts';

/** Names of the built-in log-Gabor banks. */
export const PRESET_NAMES = ['homogeneous', 'heterogeneous'] as const;

export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * The two banks compared in "Kernel heterogeneity improves sparseness of
 * natural images representations" (Ladret, Casanova and Perrinet, 2024),
 * both 12×12 with 144 atoms, sf0 = B_sf = 0.4 and phases 0 and π/2:
 *
 * - `homogeneous`: 72 orientations θ_i = iπ/72, one bandwidth B_θ = π/15 (12°);
 * - `heterogeneous`: 12 orientations θ_i = iπ/12, six bandwidths B_θ = kπ/36 for k = 1..6 (5° to 30°).
 */
export const PRESETS: Readonly<Record<PresetName, LogGaborBankOptions>> = {
  homogeneous: {
    name: 'homogeneous',
    size: 12,
    thetas: 72,
    bThetas: Math.PI / 15,
    phases: [0, Math.PI / 2],
    sf0: 0.4,
    bSf: 0.4,
    normalise: 'max-abs',
  },
  heterogeneous: {
    name: 'heterogeneous',
    size: 12,
    thetas: 12,
    bThetas: [1, 2, 3, 4, 5, 6].map((k) => (k * Math.PI) / 36),
    phases: [0, Math.PI / 2],
    sf0: 0.4,
    bSf: 0.4,
    normalise: 'max-abs',
  },
};
