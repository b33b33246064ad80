/** The support directory: providers, their support queues and channels with service hours. */
import type { Lang, Localized, Queue } from '../engine/types.js';
import type { DateException, WeeklyHours } from './hours.js';

export const CHANNEL_TYPES = ['phone', 'chat', 'email', 'ticket', 'social', 'web'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export interface Channel {
  type: ChannelType;
  /**
   * Number, address, URL, handle or in-app path, exactly as published; for chat and web,
   * one per language where the app or the page differs by language (see channelValue).
   */
  value: string | Localized;
  /** The hours as written in the directory (`24/7`, `Mo-Fr 09:00-18:00`). */
  hours: string;
  timezone: string;
  weekly: WeeklyHours;
  exceptions: DateException[];
  /** Expected response time, for asynchronous channels. */
  response?: Localized;
  /** What contacting through this channel costs. */
  cost?: Localized;
  /** Languages spoken, as language tags (en, zh, …). */
  languages: string[];
}

/** Where the provider's own service can be measured: targets for the checks. */
export interface ProviderChecks {
  /** The API host to test connectivity to (DNS, TCP, TLS). */
  apiHost?: string;
  apiPort?: number;
  /** A status or health URL whose HTTP status is checked. */
  statusUrl?: string;
  /** A URL whose Date header is compared with the local clock (default: the status URL). */
  clockUrl?: string;
  /** Esplora-compatible explorer API base URL per chain, for confirmations. */
  explorers?: Record<string, string>;
  /** Confirmations the provider requires per chain before crediting. */
  confirmations?: Record<string, number>;
}

export interface Provider {
  id: string;
  name: string;
  /** The official page where these contacts are published: the source a user can check. */
  website: string;
  /** Demo data: every output that shows it says it is an example. */
  example: boolean;
  queues: Partial<Record<Queue, Channel[]>>;
  checks?: ProviderChecks;
}

export interface Directory {
  /** Where it came from: "bundled" or the file path. */
  source: string;
  providers: Provider[];
}

/** A channel's value as shown in `lang`: its one value, or the value given for that language. */
export function channelValue(channel: Channel, lang: Lang): string {
  return typeof channel.value === 'string' ? channel.value : channel.value[lang];
}

/** Every form of a channel's value (one, or one per language): what a contact someone was given may match. */
export function channelValues(channel: Channel): string[] {
  return typeof channel.value === 'string' ? [channel.value] : [...new Set(Object.values(channel.value))];
}
