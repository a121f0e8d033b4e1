import type { TByteRange } from '#core/files/file-store.ts';

/**
 * One range of `Range: bytes=a-b`, `bytes=a-` or `bytes=-n` (what video players send to seek). Several
 * ranges or another unit are answered with the whole file, which RFC 9110 allows; a range that starts past
 * the end is 'unsatisfiable' (416).
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): TByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
