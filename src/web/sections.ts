// The product's sections, in the order of the crisis loop, for the navigation and the home page.
import { type Icon, IconAlertTriangle, IconFileText, IconFlame, IconFolder, IconRadar, IconTargetArrow } from '@tabler/icons-react';

/** A top-level section of the app. */
export type Section = { key: 'monitoring' | 'alerts' | 'crises' | 'statements' | 'documents' | 'drills'; path: string; icon: Icon };

/** Every section with its path and icon. */
export const sections: readonly Section[] = [
  { key: 'monitoring', path: '/monitoring', icon: IconRadar },
  { key: 'alerts', path: '/alerts', icon: IconAlertTriangle },
  { key: 'crises', path: '/crises', icon: IconFlame },
  { key: 'statements', path: '/statements', icon: IconFileText },
  { key: 'documents', path: '/documents', icon: IconFolder },
  { key: 'drills', path: '/drills', icon: IconTargetArrow },
];
