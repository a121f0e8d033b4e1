/**
 * The GPU models a provider picks from when listing a server. Figures are NVIDIA's public specifications;
 * where a model ships in variants that differ in memory or core count, every variant is listed, and a
 * listing must match one of them (a "3090 with 48 GB" is a typo or a misreport, not a server we can sell).
 */
export interface GpuModel {
  id: GpuModelId;
  name: string;
  /** VRAM per GPU in GB, one entry per variant (one entry: fixed). Empty only for `other`. */
  vramGb: readonly number[];
  /** CUDA cores per GPU, one entry per variant (one entry: fixed). Empty only for `other`. */
  cudaCores: readonly number[];
  /** What the variants are, for the form's hint. */
  variants?: string;
}

export const GPU_MODEL_IDS = [
  'rtx-3090',
  'rtx-4090',
  'rtx-5090',
  'a100-40gb',
  'a100-80gb',
  'h100',
  'h200',
  'l40s',
  'rtx-a6000',
  'rtx-a5000',
  'rtx-a4000',
  'rtx-6000-ada',
  'v100',
  't4',
  'other',
] as const;
export type GpuModelId = (typeof GPU_MODEL_IDS)[number];

export const GPU_MODELS: readonly GpuModel[] = [
  { id: 'rtx-3090', name: 'RTX 3090', vramGb: [24], cudaCores: [10_496] },
  { id: 'rtx-4090', name: 'RTX 4090', vramGb: [24], cudaCores: [16_384] },
  { id: 'rtx-5090', name: 'RTX 5090', vramGb: [32], cudaCores: [21_760] },
  // PCIe and SXM4 boards have the same GA100 core count; only the memory differs between the two models.
  { id: 'a100-40gb', name: 'A100 40 GB', vramGb: [40], cudaCores: [6_912] },
  { id: 'a100-80gb', name: 'A100 80 GB', vramGb: [80], cudaCores: [6_912] },
  {
    id: 'h100',
    name: 'H100',
    vramGb: [80, 94],
    cudaCores: [14_592, 16_896],
    variants: 'PCIe 80 GB: 14,592 cores; SXM5 80 GB: 16,896; NVL 94 GB: 16,896',
  },
  {
    id: 'h200',
    name: 'H200',
    vramGb: [141],
    cudaCores: [16_896],
    variants: 'SXM and NVL: 141 GB, 16,896 cores',
  },
  { id: 'l40s', name: 'L40S', vramGb: [48], cudaCores: [18_176] },
  { id: 'rtx-a6000', name: 'RTX A6000', vramGb: [48], cudaCores: [10_752] },
  { id: 'rtx-a5000', name: 'RTX A5000', vramGb: [24], cudaCores: [8_192] },
  { id: 'rtx-a4000', name: 'RTX A4000', vramGb: [16], cudaCores: [6_144] },
  { id: 'rtx-6000-ada', name: 'RTX 6000 Ada', vramGb: [48], cudaCores: [18_176] },
  { id: 'v100', name: 'V100', vramGb: [16, 32], cudaCores: [5_120], variants: '16 GB or 32 GB, 5,120 cores' },
  { id: 't4', name: 'T4', vramGb: [16], cudaCores: [2_560] },
  // Anything else: the provider names it and states its memory and cores; admins see it as unverified.
  { id: 'other', name: 'Other', vramGb: [], cudaCores: [] },
];

export function gpuModel(id: GpuModelId): GpuModel {
  const model = GPU_MODELS.find((m) => m.id === id);
  if (!model) throw new Error(`GPU model ${id} is missing from GPU_MODELS`);
  return model;
}

/** The single value when a model has no variants for it, so a form can fill it in. */
export const fixedValue = (values: readonly number[]): number | null =>
  values.length === 1 ? (values[0] ?? null) : null;
