// The product's sections, in the order of the crisis loop, for the navigation and the home page; and the
// employee report (通報) pages, which everyone who may report reaches (reporters see nothing else).
import {
  type Icon,
  IconAlertTriangle,
  IconFileText,
  IconFlame,
  IconFolder,
  IconInbox,
  IconListCheck,
  IconMessageCircle,
  IconRadar,
  IconSpeakerphone,
  IconTargetArrow,
} from '@tabler/icons-react';

/** A top-level section of the app; `permission` is what it takes to use it (the navigation hides it otherwise). */
export type Section = {
  key: 'monitoring' | 'alerts' | 'crises' | 'statements' | 'documents' | 'drills';
  path: string;
  icon: Icon;
  permission: string;
};

/** Every section with its path and icon. */
export const sections: readonly Section[] = [
  { key: 'monitoring', path: '/monitoring', icon: IconRadar, permission: 'mention.read' },
  { key: 'alerts', path: '/alerts', icon: IconAlertTriangle, permission: 'alert.read' },
  { key: 'crises', path: '/crises', icon: IconFlame, permission: 'crisis.read' },
  { key: 'statements', path: '/statements', icon: IconFileText, permission: 'crisis.read' },
  { key: 'documents', path: '/documents', icon: IconFolder, permission: 'document.read' },
  { key: 'drills', path: '/drills', icon: IconTargetArrow, permission: 'drill.read' },
];

/** An employee report page (its label is `reports.nav.<key>`). */
export type ReportLink = { key: 'report' | 'mine' | 'queue' | 'briefings'; path: string; icon: Icon; permission: string };

/** The report form and my reports (anyone who may report), and the triage queue (triagers). */
export const reportLinks: readonly ReportLink[] = [
  { key: 'report', path: '/report', icon: IconSpeakerphone, permission: 'report.create' },
  { key: 'mine', path: '/reports/mine', icon: IconListCheck, permission: 'report.create' },
  { key: 'queue', path: '/reports', icon: IconInbox, permission: 'report.triage' },
  // What to say in public while a crisis runs (對外口徑), for every employee to read and acknowledge.
  { key: 'briefings', path: '/briefings', icon: IconMessageCircle, permission: 'briefing.receive' },
];
