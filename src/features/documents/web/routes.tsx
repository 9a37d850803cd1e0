// Routes of the documents section under the app shell: the hub list (filters in the address), a new document,
// evidence capture, one document and its edit form.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { validateDocumentsSearch, validateNewDocumentSearch } from './search.ts';

/** /documents, /documents/new, /documents/evidence/new, /documents/$documentId and /documents/$documentId/edit. */
export function documentsRoutes(appRoute: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/documents',
      validateSearch: validateDocumentsSearch,
      component: lazyRouteComponent(() => import('./pages/documents-page.tsx'), 'DocumentsPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/documents/new',
      validateSearch: validateNewDocumentSearch,
      component: lazyRouteComponent(() => import('./pages/new-document-page.tsx'), 'NewDocumentPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/documents/evidence/new',
      validateSearch: validateNewDocumentSearch,
      component: lazyRouteComponent(() => import('./pages/capture-evidence-page.tsx'), 'CaptureEvidencePage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/documents/$documentId',
      component: lazyRouteComponent(() => import('./pages/document-page.tsx'), 'DocumentPage'),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/documents/$documentId/edit',
      component: lazyRouteComponent(() => import('./pages/edit-document-page.tsx'), 'EditDocumentPage'),
    }),
  ];
}
