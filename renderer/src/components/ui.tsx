/** Small building blocks shared by the screens. */
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/contract/result.ts';

export function ErrorNotice({ error, title }: { error: ApiError | string; title?: string }) {
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div className="notice notice-error" role="alert">
      {title && <strong>{title} </strong>}
      {message}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div className="loading" role="status">
      Loading {what}…
    </div>
  );
}

export function PageHeader({ crumbs, title, actions }: { crumbs?: ReactNode; title: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        {crumbs && <nav className="crumbs" aria-label="Breadcrumb">{crumbs}</nav>}
        <h1>{title}</h1>
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}

export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}
