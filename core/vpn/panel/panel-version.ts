import { GetMetadataCommand } from '@remnawave/backend-contract';
import { isPanelError, PanelError } from './panel-error.ts';
import type { TPanelTransport } from './panel-transport.ts';

const METADATA_ROUTE = `GET ${GetMetadataCommand.TSQ_url}`;

/**
 * What this client speaks: the panel's 3.x API, as in the contract package. 2.8 is not cheap to add:
 * 2.x keys users by uuid (`/api/users/{uuid}`, HWID bodies with `userUuid`) where 3.x keys them by a
 * numeric id, finds them by Telegram id with `/by-telegram-id` (gone in 3.x, replaced by `/users/stream`),
 * and its users have no `id` in the answers the contract's schemas parse.
 */
export const SUPPORTED_PANEL_VERSIONS = '3.x';

/** The panel's version from `/api/system/metadata` (there since 2.5). */
export async function readPanelVersion(send: TPanelTransport): Promise<string> {
  try {
    const metadata = await send({
      method: 'GET',
      route: GetMetadataCommand.TSQ_url,
      path: GetMetadataCommand.url,
      schema: GetMetadataCommand.ResponseSchema,
      idempotent: true,
    });
    return metadata.response.version;
  } catch (error) {
    if (isPanelError(error, 'not_found'))
      throw new PanelError({
        kind: 'unsupported',
        route: METADATA_ROUTE,
        message: `the panel has no version endpoint (older than 2.5); this client supports Remnawave ${SUPPORTED_PANEL_VERSIONS}`,
      });
    throw error;
  }
}

/** Throws an `unsupported` PanelError naming the version unless the client speaks it. */
export function assertSupportedVersion(version: string): void {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  const major = match ? Number(match[1]) : Number.NaN;
  if (major === 3) return;
  const why =
    major === 2 && Number(match?.[2]) >= 8
      ? ' (2.8 keys users by uuid and finds them by Telegram id on routes 3.x removed; upgrade the panel to 3.x)'
      : '';
  throw new PanelError({
    kind: 'unsupported',
    route: METADATA_ROUTE,
    message: `Remnawave panel ${version} is not supported; this client supports Remnawave ${SUPPORTED_PANEL_VERSIONS}${why}`,
  });
}
