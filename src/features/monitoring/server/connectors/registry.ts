// Every connector the server knows. Adding a connector: write one file exporting `defineConnector({...})`
// (see types.ts and rss.ts) and add it to this list; sources name it by its `kind`.
import { jetstreamConnector } from './jetstream.ts';
import { rssConnector } from './rss.ts';
import type { Connector } from './types.ts';

/** All connectors, in the order the settings page offers them. */
export const connectors: readonly Connector[] = [rssConnector, jetstreamConnector];

/** The connector for a source's `kind`, if there is one. */
export function connectorFor(kind: string): Connector | undefined {
  return connectors.find((c) => c.kind === kind);
}
