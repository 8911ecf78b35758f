/** Screens are addressed by the URL hash, so a reload comes back to the same screen. */
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'clients' }
  | { screen: 'client'; clientId: string }
  | { screen: 'visit'; visitId: string }
  | { screen: 'plan'; visitId: string }
  | { screen: 'report'; visitId: string }
  | { screen: 'review'; visitId: string; videoId?: string }
  | { screen: 'progress'; clientId: string }
  | { screen: 'compare'; clientId: string; visitA?: string; visitB?: string }
  | { screen: 'settings' }
  | { screen: 'data' };

/** The review tab of a visit's run (issue 27), in place of a video id: #/visits/<id>/review/run. */
export const RUN_TAB = 'run';

export function parseRoute(hash: string): Route {
  const visitPage = /^#?\/visits\/([^/]+)\/(plan|report)$/.exec(hash);
  if (visitPage) return visitPage[2] === 'plan' ? { screen: 'plan', visitId: visitPage[1]! } : { screen: 'report', visitId: visitPage[1]! };
  if (hash === '#/settings') return { screen: 'settings' };
  const [, kind, id, sub, subId] = hash.replace(/^#/, '').split('/');
  if (kind === 'visits' && id && sub === 'review') return subId ? { screen: 'review', visitId: id, videoId: subId } : { screen: 'review', visitId: id };
  if (kind === 'clients' && id && sub === 'progress') return { screen: 'progress', clientId: id };
  if (kind === 'clients' && id && sub === 'compare') {
    const [visitA, visitB] = hash.replace(/^#/, '').split('/').slice(4);
    return visitA && visitB ? { screen: 'compare', clientId: id, visitA, visitB } : { screen: 'compare', clientId: id };
  }
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
    case 'review':
      return `#/visits/${route.visitId}/review${route.videoId ? `/${route.videoId}` : ''}`;
    case 'progress':
      return `#/clients/${route.clientId}/progress`;
    case 'compare':
      return `#/clients/${route.clientId}/compare${route.visitA && route.visitB ? `/${route.visitA}/${route.visitB}` : ''}`;
    case 'plan':
      return `#/visits/${route.visitId}/plan`;
    case 'report':
      return `#/visits/${route.visitId}/report`;
    case 'settings':
      return '#/settings';
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
