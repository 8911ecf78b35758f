/**
 * The API client, picked once at start: Electron's preload bridge when present, else the local
 * HTTP bridge. Both implement the same GaitLensApi from the shared contract.
 */
import { channels, type GaitLensApi } from '../../../shared/contract/api.ts';
import type { VideoSource } from '../../../shared/contract/schemas.ts';
import { fail, type Result } from '../../../shared/contract/result.ts';
import { fromWire, toWire } from '../../../shared/contract/wire.ts';

declare global {
  interface Window {
    gaitlens?: GaitLensApi;
  }
}

export interface Host {
  api: GaitLensApi;
  kind: 'electron' | 'http';
  /** Where the player loads a stored video from (same origin in both hosts). */
  mediaUrl(mediaId: string): string;
  /** Desktop only: the OS file dialog gives paths. */
  chooseVideoFiles?: () => Promise<Result<VideoSource[]>>;
  /** Browser only: sends a chosen file to the host first. */
  stageFile?: (file: File, onProgress: (fraction: number) => void) => Promise<Result<VideoSource>>;
}

const mediaUrl = (mediaId: string) => `media/${encodeURIComponent(mediaId)}`;

export function connect(): Host {
  const bridge = window.gaitlens;
  if (bridge) {
    return {
      api: bridge,
      kind: 'electron',
      mediaUrl,
      chooseVideoFiles: async () => {
        const picked = await bridge['dialog.chooseVideoFiles']({});
        return picked.ok ? { ok: true, value: picked.value.map((path) => ({ kind: 'path', path }) as const) } : picked;
      },
    };
  }
  return { api: httpApi(), kind: 'http', mediaUrl, stageFile: uploadFile };
}

function httpApi(): GaitLensApi {
  const call = async (channel: string, arg: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: toWire(arg ?? {}),
      });
      if (response.status === 401) return fail('unavailable', 'This page has lost its access to GaitLens. Open the address printed by "npm run web" again.');
      if (!response.ok) return fail('unavailable', `GaitLens answered with an error (${response.status}).`);
      return fromWire(await response.text()) as Result<unknown>;
    } catch {
      return fail('unavailable', 'GaitLens is not running any more (the connection was lost). Start it again; nothing saved is lost.');
    }
  };
  return Object.fromEntries(channels.map((channel) => [channel, (arg: unknown) => call(channel, arg)])) as GaitLensApi;
}

function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<Result<VideoSource>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', 'upload');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      try {
        const result = JSON.parse(request.responseText) as Result<{ uploadId: string }>;
        resolve(
          result.ok ? { ok: true, value: { kind: 'upload', uploadId: result.value.uploadId, originalName: file.name } } : result,
        );
      } catch {
        resolve(fail('unavailable', `The video could not be sent to GaitLens (${request.status}).`));
      }
    };
    request.onerror = () => resolve(fail('unavailable', 'The video could not be sent: GaitLens is not running any more.'));
    request.send(file);
  });
}
