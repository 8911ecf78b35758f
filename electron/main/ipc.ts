/** Wires every API call to ipcMain, accepting calls only from the app's own pages. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/contract/api.ts';
import { ipcChannel } from '../../shared/contract/ipc.ts';
import type { Dispatch } from '../../shared/contract/dispatch.ts';
import { fail } from '../../shared/contract/result.ts';
import { APP_ORIGIN } from './app-protocol.ts';

const fromApp = (event: IpcMainInvokeEvent): boolean => {
  const url = event.senderFrame?.url ?? '';
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
};

export function registerIpc(dispatch: Dispatch): void {
  for (const channel of channels) {
    ipcMain.handle(ipcChannel(channel), (event, arg: unknown) =>
      fromApp(event) ? dispatch(channel, arg) : fail('unavailable', 'Refused: this request did not come from GaitLens.'),
    );
  }
}
