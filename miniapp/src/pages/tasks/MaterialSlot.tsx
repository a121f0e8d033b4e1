import { type ChangeEvent, useState } from 'react';
import { FILE_MAX_BYTES } from '../../../../server/contracts/files.ts';
import type { TMaterialKind, TTaskDetails, TTaskMaterial } from '../../../../server/contracts/tasks.ts';
import { addMaterial, removeMaterial, replaceMaterial } from '../../api/tasks.ts';
import { FileTooLargeError, uploadFile } from '../../api/upload-file.ts';
import { errorMessage } from '../../components/error-message.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useLanguage, useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';
import { formatSize } from './format-size.ts';

/** What the file picker offers per kind: the types the server stores (core/files/file-types.ts). */
const ACCEPT: Record<TMaterialKind, string> = {
  video: 'video/mp4,video/quicktime,video/webm',
  audio: 'audio/mpeg,audio/mp4,audio/ogg,audio/wav,audio/flac,audio/webm',
  image: 'image/jpeg,image/png,image/webp',
};

type TUpload =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number; name: string }
  | { kind: 'uploaded'; name: string }
  | { kind: 'busy' }
  | { kind: 'failed'; message: string };

type TSlotProps = {
  taskId: string;
  kind: TMaterialKind;
  /** The material in this slot, or none yet. */
  material: TTaskMaterial | undefined;
  onChange: (details: TTaskDetails) => void;
};

/**
 * One material of the task: upload it (the bar follows the bytes as they go), replace it with another
 * upload, or remove it. An upload is a file of the user's first (POST /api/files), then attached by id.
 */
export function MaterialSlot({ taskId, kind, material, onChange }: TSlotProps) {
  const t = useT();
  const language = useLanguage();
  const { request } = useMe();
  const [upload, setUpload] = useState<TUpload>({ kind: 'idle' });
  const busy = upload.kind === 'uploading' || upload.kind === 'busy';

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file can be chosen again after a failure.
    event.target.value = '';
    if (!file || busy) return;
    setUpload({ kind: 'uploading', percent: 0, name: file.name });
    try {
      const stored = await uploadFile(file, {
        onProgress: ({ loaded, total }) =>
          setUpload({ kind: 'uploading', percent: total > 0 ? (loaded / total) * 100 : 0, name: file.name }),
      });
      const details = material
        ? await replaceMaterial(request, taskId, material.id, stored.id)
        : await addMaterial(request, taskId, { fileId: stored.id, kind });
      setUpload({ kind: 'uploaded', name: file.name });
      onChange(details);
    } catch (error) {
      const message =
        error instanceof FileTooLargeError
          ? t('miniapp-upload-too-large', { limitMb: FILE_MAX_BYTES / (1024 * 1024) })
          : errorMessage(error, t);
      setUpload({ kind: 'failed', message });
    }
  };

  const remove = async () => {
    if (!material || busy) return;
    setUpload({ kind: 'busy' });
    try {
      onChange(await removeMaterial(request, taskId, material.id));
      setUpload({ kind: 'idle' });
    } catch (error) {
      setUpload({ kind: 'failed', message: errorMessage(error, t) });
    }
  };

  const file = material?.file;
  return (
    <div
      className="task-material"
      data-testid={`task-material-${kind}`}
      data-filled={material ? 'yes' : 'no'}
    >
      <div className="task-material__head">
        <span className="task-material__kind">{t(`miniapp-material-${kind}`)}</span>
        {file ? (
          <span className="list__hint" data-testid="task-material-name">
            {file.name} · {formatSize(file.size, language)}
          </span>
        ) : null}
        {material && !file ? <span className="list__side--warn">{t('miniapp-material-gone')}</span> : null}
      </div>
      {file && kind === 'image' ? (
        <img className="task-material__preview" src={file.url} alt={file.name} />
      ) : null}
      {file && kind === 'audio' ? (
        // biome-ignore lint/a11y/useMediaCaption: the user's own upload, played back to check it
        <audio className="task-material__preview" src={file.url} controls preload="none" />
      ) : null}
      {file && kind === 'video' ? (
        // biome-ignore lint/a11y/useMediaCaption: the user's own upload, played back to check it
        <video className="task-material__preview" src={file.url} controls playsInline preload="metadata" />
      ) : null}
      {upload.kind === 'uploading' || upload.kind === 'uploaded' ? (
        <ProgressBar
          percent={upload.kind === 'uploaded' ? 100 : upload.percent}
          label={t('miniapp-upload-label', { name: upload.name })}
          text={
            upload.kind === 'uploaded'
              ? t('miniapp-upload-done')
              : t('miniapp-progress-percent', { percent: Math.round(upload.percent) })
          }
          testId={`task-upload-${kind}`}
        />
      ) : null}
      {upload.kind === 'failed' ? (
        <p className="task-error" role="alert" data-testid={`task-upload-error-${kind}`}>
          {upload.message}
        </p>
      ) : null}
      <div className="task-material__actions">
        <label className={`button button--secondary task-file${busy ? ' task-file--busy' : ''}`}>
          {material ? t('miniapp-material-replace') : t(`miniapp-material-add-${kind}`)}
          <input
            type="file"
            className="visually-hidden"
            accept={ACCEPT[kind]}
            disabled={busy}
            onChange={(e) => void pick(e)}
            data-testid={`task-material-input-${kind}`}
          />
        </label>
        {material ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void remove()}
            disabled={busy}
            data-testid={`task-material-remove-${kind}`}
          >
            {t('miniapp-material-remove')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
