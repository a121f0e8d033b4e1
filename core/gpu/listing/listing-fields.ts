/**
 * The fields of a GPU listing a refusal can name (dotted paths into the input), with the Fluent key of each
 * field's label (`gpu-listing-field-…`), so the bot can say "SSH port: must be …" and the form can mark it.
 */
export const LISTING_FIELDS = [
  'model',
  'modelName',
  'gpuCount',
  'vramGb',
  'cudaCores',
  'ramGb',
  'cpuModel',
  'cpuCores',
  'diskGb',
  'ip',
  'sshPort',
  'ssh',
  'ssh.user',
  'ssh.password',
  'ssh.privateKey',
  'vnc',
  'vnc.port',
  'vnc.password',
  'priceCentsPerGpuHour',
  'location',
  'location.country',
  'location.city',
] as const;
export type TListingField = (typeof LISTING_FIELDS)[number];

/** `ssh.privateKey` → `gpu-listing-field-ssh-private-key`. */
export const listingFieldKey = (field: TListingField): string =>
  `gpu-listing-field-${field.replaceAll('.', '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
