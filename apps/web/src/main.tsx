import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import './shared/i18n.ts';
import './shared/base.css';

// Route-level code splitting: each area is its own chunk, so the resident app stays small.
const ResidentApp = lazy(() => import('./resident/ResidentApp.tsx'));
const ConsoleApp = lazy(() => import('./console/ConsoleApp.tsx'));
const PanelApp = lazy(() => import('./panel/PanelApp.tsx'));

function pick() {
  const p = window.location.pathname;
  if (p.startsWith('/console')) return <ConsoleApp />;
  if (p.startsWith('/panel')) return <PanelApp />;
  return <ResidentApp />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Suspense
      fallback={
        <div className="loading" role="status">
          …
        </div>
      }
    >
      {pick()}
    </Suspense>
  </StrictMode>,
);
