/** The support directory: providers, their support queues and channels with service hours. */
import type { Localized, Queue } from '../engine/types.js';
import type { DateException, WeeklyHours } from './hours.js';

export const CHANNEL_TYPES = ['phone', 'chat', 'email', 'ticket', 'social', 'web'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export interface Channel {
  type: ChannelType;
  /** Number, address, URL, handle or in-app path, exactly as published. */
  value: string;
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

export interface Provider {
  id: string;
  name: string;
  /** The official page where these contacts are published: the source a user can check. */
  website: string;
  /** Demo data: every output that shows it says it is an example. */
  example: boolean;
  queues: Partial<Record<Queue, Channel[]>>;
}

export interface Directory {
  /** Where it came from: "bundled" or the file path. */
  source: string;
  providers: Provider[];
}
