/**
 * A submitted job as the gateway hands it out: the upstream job id with the fingerprint of the key that
 * created it. An account's jobs are visible only to its own keys, so polling must use the same key. The
 * handle is opaque to callers; it fits the `provider_job_id` column and names no secret.
 */
export const encodeJobHandle = (fingerprint: string, upstreamId: string): string =>
  `${fingerprint}:${upstreamId}`;

export function decodeJobHandle(handle: string): { fingerprint?: string; upstreamId: string } {
  const at = handle.indexOf(':');
  if (at <= 0) return { upstreamId: handle };
  return { fingerprint: handle.slice(0, at), upstreamId: handle.slice(at + 1) };
}
