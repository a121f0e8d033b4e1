import type { MediaInfo } from '../../../telegram/types.ts';
import { fileUrl } from '../api/host-client.ts';
import { formatBytes, formatDuration } from '../chat/format.ts';
import { useClientStrings } from '../client-strings-context.tsx';
import { FileIcon } from './icons.tsx';

const DEFAULT_NAMES: Record<MediaInfo['kind'], string> = {
  photo: 'photo.jpg',
  video: 'video.mp4',
  audio: 'audio.mp3',
  voice: 'voice.ogg',
  document: 'file',
};

/** A message's photo, video, audio, voice or document, played from the host and downloadable. */
export function MessageMedia({ bot, media }: { bot: string; media: MediaInfo }) {
  const strings = useClientStrings();
  const src = fileUrl(bot, media);
  const name = media.file_name ?? DEFAULT_NAMES[media.kind];
  const download = (
    <a
      className="media-download"
      href={fileUrl(bot, media, name)}
      download={name}
      data-testid="media-download"
    >
      {strings.media.download}
    </a>
  );
  const details = [
    media.duration ? formatDuration(media.duration) : '',
    formatBytes(media.file_size, strings),
  ]
    .filter(Boolean)
    .join(' · ');
  switch (media.kind) {
    case 'photo':
      return (
        <figure className="media media-photo">
          <a href={src} target="_blank" rel="noopener noreferrer">
            <img src={src} alt="" width={media.width} height={media.height} data-testid="media-photo" />
          </a>
          {download}
        </figure>
      );
    case 'video':
      return (
        <figure className="media media-video">
          {/* biome-ignore lint/a11y/useMediaCaption: bots' videos come without captions tracks. */}
          <video src={src} controls preload="metadata" data-testid="media-video" />
          <figcaption>
            {details} {download}
          </figcaption>
        </figure>
      );
    case 'audio':
    case 'voice':
      return (
        <figure className={`media media-${media.kind}`}>
          <span className="media-title">{media.kind === 'voice' ? strings.media.kinds.voice : name}</span>
          {/* biome-ignore lint/a11y/useMediaCaption: voice and music messages have no caption tracks. */}
          <audio src={src} controls preload="metadata" data-testid={`media-${media.kind}`} />
          <figcaption>
            {details} {download}
          </figcaption>
        </figure>
      );
    case 'document':
      return (
        <a
          className="media media-document"
          href={fileUrl(bot, media, name)}
          download={name}
          data-testid="media-document"
        >
          <span className="document-icon" aria-hidden="true">
            <FileIcon />
          </span>
          <span className="document-text">
            <span className="document-name">{name}</span>
            <span className="document-size">{formatBytes(media.file_size, strings)}</span>
          </span>
        </a>
      );
  }
}
