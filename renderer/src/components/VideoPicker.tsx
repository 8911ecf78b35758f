import { useRef, useState } from 'react';
import { useHost } from '../app/host-context.tsx';
import { formatBytes } from '../app/format.ts';
import { baseName, type PendingVideo } from './video-attach.ts';
import { ErrorNotice } from './ui.tsx';

interface Props {
  videos: PendingVideo[];
  onChange: (videos: PendingVideo[]) => void;
  progress?: Record<string, number>;
}

/** Choose video files: the OS dialog on the desktop, a file input in the browser. */
export function VideoPicker({ videos, onChange, progress }: Props) {
  const host = useHost();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  const add = (more: PendingVideo[]) => {
    const known = new Set(videos.map((v) => v.key));
    onChange([...videos, ...more.filter((v) => !known.has(v.key))]);
  };

  const choose = async () => {
    setError(null);
    if (host.chooseVideoFiles) {
      const picked = await host.chooseVideoFiles();
      if (!picked.ok) return setError(picked.error.message);
      add(
        picked.value.map((source) => {
          const path = source.kind === 'path' ? source.path : source.originalName;
          return { key: path, name: baseName(path), sizeBytes: null, source };
        }),
      );
    } else input.current?.click();
  };

  return (
    <div className="video-picker">
      <div className="video-picker-row">
        <button type="button" className="button-secondary" onClick={choose}>
          Choose video…
        </button>
        <span className="field-hint">MP4, MOV, WebM, MKV, AVI or MTS from a phone or camera (iPhone HEVC too): side view, rear view, or both.</span>
        {!host.chooseVideoFiles && (
          <input
            ref={input}
            type="file"
            accept="video/mp4,video/quicktime,video/webm,video/x-matroska,video/x-msvideo,video/mp2t,.mp4,.mov,.m4v,.webm,.mkv,.avi,.mts,.m2ts,.ts"
            multiple
            hidden
            data-testid="video-file-input"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              add(files.map((file) => ({ key: `${file.name}:${file.size}:${file.lastModified}`, name: file.name, sizeBytes: file.size, file })));
              event.target.value = '';
            }}
          />
        )}
      </div>
      {error && <ErrorNotice error={error} />}
      {videos.length > 0 && (
        <ul className="pending-videos">
          {videos.map((video) => (
            <li key={video.key}>
              <span className="file-name">{video.name}</span>
              {video.sizeBytes !== null && <span className="muted">{formatBytes(video.sizeBytes)}</span>}
              {progress?.[video.name] !== undefined ? (
                <progress max={1} value={progress[video.name]} aria-label={`Storing ${video.name}`} />
              ) : (
                <button type="button" className="button-link" onClick={() => onChange(videos.filter((v) => v !== video))}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
