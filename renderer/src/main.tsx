import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/transport.ts';
import { App } from './app/App.tsx';
import { HostContext } from './app/host-context.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HostContext.Provider value={connect()}>
      <App />
    </HostContext.Provider>
  </StrictMode>,
);
