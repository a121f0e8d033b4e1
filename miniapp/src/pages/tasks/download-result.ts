import { downloadFile } from '@telegram-apps/sdk-react';
import type { TTaskFile } from '../../../../server/contracts/tasks.ts';

/**
 * Saves a result. Inside Telegram (Mini Apps 8.0+) the client downloads it itself, which needs an absolute
 * URL; older clients and browsers follow an attachment link. The URL is signed and serves the file with
 * `content-disposition: attachment`.
 */
export function downloadResult(file: TTaskFile): void {
  const url = new URL(file.downloadUrl, window.location.href).toString();
  const viaLink = () => {
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.rel = 'noopener';
    link.click();
  };
  if (downloadFile.isAvailable()) {
    // The client asks the user first; a refusal or an old client's error falls back to the link.
    downloadFile(url, file.name).catch(viaLink);
  } else {
    viaLink();
  }
}
