/** The preload only bridges: one function per API call, nothing else from Node or Electron. */
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, GaitLensApi } from '../../shared/contract/api.ts';
import { ipcChannel } from '../../shared/contract/ipc.ts';

/** The contract's channel list, written in at build time (scripts/build.ts) so the preload stays tiny. */
declare const GAITLENS_CHANNELS: Channel[];

const api = Object.fromEntries(
  GAITLENS_CHANNELS.map((channel) => [channel, (arg: unknown) => ipcRenderer.invoke(ipcChannel(channel), arg)]),
) as GaitLensApi;

contextBridge.exposeInMainWorld('gaitlens', api);
