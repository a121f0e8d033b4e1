import assert from 'node:assert/strict';
import { test } from 'node:test';
import { THEME_PARAMS } from '../../contract/theme-params.ts';
import { parseBridgeMessage } from './bridge-protocol.ts';
import { handleBridgeCall } from './handle-bridge-call.ts';

test('a file download request saves the file and tells the app the download started', () => {
  const downloads: [string, string][] = [];
  const posted: { type: string; data: unknown }[] = [];
  const message = parseBridgeMessage(
    JSON.stringify({
      eventType: 'web_app_request_file_download',
      eventData: { url: 'https://app.example/files/abc?sig=1', file_name: 'result.mp4' },
    }),
  );
  assert.equal(message?.kind, 'call');
  if (message?.kind !== 'call') return;
  handleBridgeCall(message.call, {
    post: (type, data) => posted.push({ type, data }),
    viewport: () => {},
    update: () => {},
    theme: THEME_PARAMS.light,
    storageScope: 'test',
    handlers: {
      onClose: () => {},
      onOpenLink: () => {},
      onOpenTelegramLink: () => {},
      onNotice: () => {},
      onDownloadFile: (url, name) => downloads.push([url, name]),
    },
  });
  assert.deepEqual(downloads, [['https://app.example/files/abc?sig=1', 'result.mp4']]);
  assert.deepEqual(posted, [{ type: 'file_download_requested', data: { status: 'downloading' } }]);
});
