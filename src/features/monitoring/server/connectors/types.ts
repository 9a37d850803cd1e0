// The connector contract. A connector is one file exporting one `defineConnector({...})` value, listed in
// registry.ts. It only turns the outside world into mention inputs; the ingest pipeline validates,
// understands, dedupes and stores them, and the scheduler decides when to run it and what to do on errors.
import type { z } from 'zod';
import type { Clock } from '../../../../platform/clock.ts';
import type { CheckedTarget, SafeFetchOptions, SafeFetchResult } from '../../../../platform/safe-fetch.ts';
import type { MentionInput } from '../../contract.ts';

/** A mention as a connector produces it: `mentionInput` without `source` (the pipeline adds the source). */
export type MentionInputWithoutSource = Omit<MentionInput, 'source'>;

/** A failure shown on the source's status page; `transient` errors are worth retrying soon. */
export type ConnectorError = { code: string; message: string; transient: boolean; retryAfterMs?: number };

/**
 * Fetches a URL with the platform's safeFetch, the admin's private-address allow-list already applied.
 * Connectors never pick their own allow-list.
 */
export type ConnectorFetch = (url: string, opts?: Omit<SafeFetchOptions, 'allowPrivate' | 'resolve'>) => Promise<SafeFetchResult>;

/** What a poll gets: its parsed config, the validators of its last successful poll, and plumbing. */
export type PollContext<C> = {
  config: C;
  /** ETag and Last-Modified returned by the previous successful poll (send them back for a conditional GET). */
  etag?: string;
  lastModified?: string;
  fetch: ConnectorFetch;
  clock: Clock;
  signal?: AbortSignal;
};

/** One poll's outcome: new items (possibly none) and validators to keep, or an error as a value. */
export type PollResult =
  | {
      ok: true;
      items: MentionInputWithoutSource[];
      etag?: string;
      lastModified?: string;
      /** True when the server said nothing changed (HTTP 304); `items` is then empty. */
      notModified: boolean;
      /** Entries that could not become mentions (no text at all, invalid after cleaning). */
      skipped?: number;
      /** Non-fatal notes for the status page ("3 items had no date; collection time used"). */
      warnings?: string[];
    }
  | { ok: false; error: ConnectorError };

/** What a stream gets: its parsed config, where it stopped last time, and plumbing. */
export type StreamContext<C> = {
  config: C;
  /** The cursor of the last batch the pipeline acknowledged, to resume without gaps. */
  cursor?: string;
  clock: Clock;
  /**
   * Checks a URL as safeFetch does (scheme, every resolved address, the admin allow-list) for clients that open
   * their own sockets, e.g. WebSockets: connect with the returned `lookup` so the checked address is the one used.
   */
  checkTarget: (url: string, protocols?: string[]) => Promise<CheckedTarget>;
  fetch: ConnectorFetch;
};

/** A batch from a stream; the scheduler stores `cursor` only after the batch is ingested (at-least-once, deduped). */
export type StreamBatch = {
  items: MentionInputWithoutSource[];
  cursor?: string;
  /** Events that could not become mentions (malformed, oversized), for the status page. */
  skipped?: number;
};

/** A connector: a kind, a config schema, and a poll and/or a stream. */
export type Connector<C = unknown> = {
  /** Stable identifier stored on sources (`sources.kind`). */
  kind: string;
  /** Human name for the settings page. */
  label: string;
  /** Validates a source's settings; what it outputs is what poll/stream receive as `config`. */
  configSchema: z.ZodType<C>;
  /** For poll connectors: how often to poll when the source does not say. */
  defaultIntervalSeconds?: number;
  /** Fetches what is new. Must not throw: failures are `{ ok: false, error }`. */
  poll?(ctx: PollContext<C>): Promise<PollResult>;
  /** Yields batches until `signal` aborts; throwing ends the stream (the scheduler reconnects with back-off). */
  stream?(ctx: StreamContext<C>, signal: AbortSignal): AsyncIterable<StreamBatch>;
};

/** Declares a connector with its config type inferred from the schema. */
export function defineConnector<C>(c: Connector<C>): Connector<C> {
  return c;
}
