import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/contract/entities.ts';
import { ClientListScreen } from '../screens/ClientListScreen.tsx';
import { ClientScreen } from '../screens/ClientScreen.tsx';
import { VisitScreen } from '../screens/VisitScreen.tsx';
import { ReviewScreen } from '../review/ReviewScreen.tsx';
import { DataScreen } from '../screens/DataScreen.tsx';
import { SettingsScreen } from '../screens/SettingsScreen.tsx';
import { PlanScreen } from '../plan/PlanScreen.tsx';
import { ReportPage } from '../report/ReportPage.tsx';
import { CompareScreen } from '../records/CompareScreen.tsx';
import { ProgressScreen } from '../records/ProgressScreen.tsx';
import { ErrorNotice } from '../components/ui.tsx';
import { useHost } from './host-context.tsx';
import { href, useRoute } from './routes.ts';

export function App() {
  const { api } = useHost();
  const route = useRoute();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [startError, setStartError] = useState<string | null>(null);

  useEffect(() => {
    void api['app.info']({}).then((result) => (result.ok ? setInfo(result.value) : setStartError(result.error.message)));
  }, [api]);

  // the report is a document of its own: no sidebar, printed as it is shown
  if (route.screen === 'report') return <ReportPage key={route.visitId} visitId={route.visitId} />;

  return (
    <div className="shell">
      <aside className="sidebar">
        <a className="brand" href={href({ screen: 'clients' })}>
          <img src="./icon.svg" alt="" width={28} height={28} />
          <span>GaitLens</span>
        </a>
        <nav aria-label="Main">
          <a className={route.screen !== 'clients' ? 'nav-link' : 'nav-link active'} href={href({ screen: 'clients' })}>
            Clients
          </a>
          <a className={route.screen === 'data' ? 'nav-link active' : 'nav-link'} href={href({ screen: 'data' })}>
            Data
          </a>
          <a className={route.screen === 'settings' ? 'nav-link active' : 'nav-link'} href={href({ screen: 'settings' })}>
            Settings
          </a>
        </nav>
        <footer className="sidebar-footer">
          {info ? (
            <span className="status" data-testid="app-ready" title={`Data folder: ${info.dataDir}`}>
              <span className="status-dot" aria-hidden /> Ready · offline
            </span>
          ) : (
            !startError && <span className="status muted">Starting…</span>
          )}
          {info && <span className="muted small">v{info.version}</span>}
        </footer>
      </aside>
      <main className="content">
        {startError ? (
          <ErrorNotice title="GaitLens could not start." error={startError} />
        ) : (
          info && (
            <>
              {route.screen === 'clients' && <ClientListScreen />}
              {route.screen === 'client' && <ClientScreen key={route.clientId} clientId={route.clientId} />}
              {route.screen === 'visit' && <VisitScreen key={route.visitId} visitId={route.visitId} />}
              {route.screen === 'plan' && <PlanScreen key={route.visitId} visitId={route.visitId} />}
              {route.screen === 'settings' && <SettingsScreen />}
              {route.screen === 'review' && <ReviewScreen key={route.visitId} visitId={route.visitId} videoId={route.videoId} />}
              {route.screen === 'progress' && <ProgressScreen key={route.clientId} clientId={route.clientId} />}
              {route.screen === 'compare' && (
                <CompareScreen key={route.clientId} clientId={route.clientId} visitA={route.visitA} visitB={route.visitB} />
              )}
              {route.screen === 'data' && <DataScreen info={info} />}
            </>
          )
        )}
      </main>
    </div>
  );
}
