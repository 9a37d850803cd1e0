// Routes of the monitoring topics area, mounted under /monitoring by ../routes.tsx.
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** The topics routes under the monitoring layout route: the list, a new topic, and one topic. */
export function topicsRoutes(layout: AnyRoute): AnyRoute[] {
  const edit = lazyRouteComponent(() => import('./pages/topic-edit-page.tsx'), 'TopicEditPage');
  return [
    createRoute({
      getParentRoute: () => layout,
      path: '/topics',
      component: lazyRouteComponent(() => import('./pages/topics-page.tsx'), 'TopicsPage'),
    }),
    createRoute({ getParentRoute: () => layout, path: '/topics/new', component: edit }),
    createRoute({ getParentRoute: () => layout, path: '/topics/$id', component: edit }),
  ];
}
