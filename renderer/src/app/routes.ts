/** Screens are addressed by the URL hash, so a reload comes back to the same screen. */
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'clients' }
  | { screen: 'client'; clientId: string }
  | { screen: 'visit'; visitId: string }
  | { screen: 'data' };

export function parseRoute(hash: string): Route {
  const [, kind, id] = hash.replace(/^#/, '').split('/');
  if (kind === 'clients' && id) return { screen: 'client', clientId: id };
  if (kind === 'visits' && id) return { screen: 'visit', visitId: id };
  if (kind === 'data') return { screen: 'data' };
  return { screen: 'clients' };
}

export function href(route: Route): string {
  switch (route.screen) {
    case 'clients':
      return '#/clients';
    case 'client':
      return `#/clients/${route.clientId}`;
    case 'visit':
      return `#/visits/${route.visitId}`;
    case 'data':
      return '#/data';
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
