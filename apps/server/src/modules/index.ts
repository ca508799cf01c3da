/** Every module's routes, registered by app.ts in this order. Add a line per module. */
import type { AppDeps } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { adminRoutes } from './admin/routes.ts';
import { classifierAdminRoutes } from './admin/classifier-routes.ts';
import { criticalityRoutes } from './admin/criticality-routes.ts';
import { staffRoutes } from './admin/staff-routes.ts';
import { alertRoutes } from './alerts/routes.ts';
import { analyticsRoutes } from './analytics/routes.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { callRoutes } from './calls/routes.ts';
import { catalogRoutes } from './catalog/routes.ts';
import { classifyRoutes } from './classify/routes.ts';
import { contactRoutes } from './contacts/routes.ts';
import { devRoutes } from './dev/routes.ts';
import { duplicateRoutes } from './duplicates/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { incidentRoutes } from './incidents/routes.ts';
import { open311Routes } from './open311/routes.ts';
import { openDataRoutes } from './opendata/routes.ts';
import { inboundRoutes } from './inbound/routes.ts';
import { kbRoutes } from './kb/routes.ts';
import { modeRoutes } from './modes/routes.ts';
import { liveRoutes } from './live/routes.ts';
import { mapRoutes } from './map/routes.ts';
import { notifyRoutes } from './notify/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { publicRoutes } from './public/routes.ts';
import { requestRoutes } from './requests/routes.ts';
import { bulkRoutes } from './requests/bulk-routes.ts';
import { relatedRoutes } from './requests/related-routes.ts';
import { viewRoutes } from './views/routes.ts';

export const MODULES: ReadonlyArray<(app: App, deps: AppDeps) => void | Promise<void>> = [
  authRoutes,
  catalogRoutes,
  requestRoutes,
  bulkRoutes,
  relatedRoutes,
  viewRoutes,
  classifyRoutes,
  duplicateRoutes,
  incidentRoutes,
  attachmentRoutes,
  analyticsRoutes,
  exportRoutes,
  alertRoutes,
  adminRoutes,
  criticalityRoutes,
  staffRoutes,
  classifierAdminRoutes,
  mapRoutes,
  privacyRoutes,
  open311Routes,
  kbRoutes,
  contactRoutes,
  callRoutes,
  liveRoutes,
  modeRoutes,
  inboundRoutes,
  publicRoutes,
  openDataRoutes,
  notifyRoutes,
  devRoutes,
];
