import type { ReactNode } from 'react';
import type { TResultFile } from '../../../../server/contracts/studio.ts';
import { useT } from '../../i18n.ts';
import { downloadResult } from '../tasks/download-result.ts';

/** A result as the browser can show it (picture, video, sound; anything else by name), with download. */
export function ResultPreview({ file, alt, testId }: { file: TResultFile; alt: string; testId: string }) {
  const t = useT();
  const type = file.mimeType.split(';')[0] ?? '';
  let media: ReactNode;
  if (type.startsWith('image/'))
    media = <img className="result__media" src={file.url} alt={alt} data-testid={`${testId}-image`} />;
  else if (type.startsWith('video/'))
    media = (
      // biome-ignore lint/a11y/useMediaCaption: a generated clip has no captions to offer
      <video
        className="result__media"
        src={file.url}
        controls
        playsInline
        preload="metadata"
        data-testid={`${testId}-video`}
      />
    );
  else if (type.startsWith('audio/'))
    media = (
      // biome-ignore lint/a11y/useMediaCaption: generated music or speech comes without captions
      <audio
        className="result__audio"
        src={file.url}
        controls
        preload="metadata"
        data-testid={`${testId}-audio`}
      />
    );
  else media = <p className="result__name">{file.name}</p>;
  return (
    <div className="result" data-testid={testId}>
      {media}
      <button
        type="button"
        className="button button--secondary button--wide"
        onClick={() => downloadResult(file)}
        data-testid={`${testId}-download`}
      >
        {t('miniapp-studio-download')}
      </button>
    </div>
  );
}
