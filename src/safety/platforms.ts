/**
 * The platforms a social handle can name ("telegram:name", "微信：name"), and the names people write them by: a small
 * module of its own, so messages can list them without loading the contact parser (verify.ts).
 */
import { listOf, type Translate } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import '../core.js';

/** "platform:name" prefixes, the platforms in the order messages list them. */
export const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  x: 'x', twitter: 'x', telegram: 'telegram', tg: 'telegram', weibo: 'weibo', wechat: 'wechat', weixin: 'wechat', qq: 'qq',
  instagram: 'instagram', ig: 'instagram', facebook: 'facebook', fb: 'facebook', tiktok: 'tiktok', youtube: 'youtube',
};

/**
 * The same platforms as Chinese users name them (QA: Chinese user; "微信：kefu888" was refused). Only these: 企业微信
 * (WeCom) and 钉钉 (DingTalk) are platforms of their own, and 抖音 (Douyin) is not TikTok, whose accounts are others' —
 * read as one of the above, an account there could be called the official one of another platform (see OTHER_PLATFORMS).
 */
export const PLATFORM_NAMES_ZH: Readonly<Record<string, string>> = {
  微信: 'wechat', 微博: 'weibo', 新浪微博: 'weibo', 电报: 'telegram', 推特: 'x', 脸书: 'facebook', 油管: 'youtube',
};

/** Platforms with accounts of their own that no handle here can name: the directory cannot list them, so no check compares them. */
export const OTHER_PLATFORMS: readonly string[] = ['企业微信', '抖音', '快手', '小红书', '钉钉', '视频号', 'wecom', 'douyin', 'dingtalk', 'kuaishou', 'xiaohongshu'];

/** The platforms a handle can name (telegram:name), each once. */
export const HANDLE_PLATFORMS: readonly string[] = [...new Set(Object.values(PLATFORM_NAMES))];

/** The platforms a handle can name, as the language lists them: in Chinese with the names Chinese users know them by. */
export function platformList(t: Translate): string {
  return listOf(t, HANDLE_PLATFORMS.map((p) => t(`platform.${p}` as MessageKey)));
}
