/** The Electron IPC channel name for an API call (kept apart from the schemas so the preload stays tiny). */
export const ipcChannel = (channel: string): string => `gaitlens:${channel}`;
