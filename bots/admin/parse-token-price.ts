/**
 * A token price as an admin types it: `1500`, `1 500`, `1,500` or `1_500` (a thousands separator between
 * groups of three). Null for anything else, fractions and signs included: prices are whole tokens.
 */
export function parseTokenPrice(text: string): bigint | null {
  const trimmed = text.trim();
  if (!/^(\d{1,3}([\s\u00a0\u202f,_]\d{3})+|\d{1,12})$/.test(trimmed)) return null;
  return BigInt(trimmed.replace(/[^\d]/g, ''));
}
