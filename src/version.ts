/** The package version, written in by the build; "dev" when running from source. */
declare const __WALLET_HELP_VERSION__: string | undefined;

export const VERSION: string = typeof __WALLET_HELP_VERSION__ === 'string' ? __WALLET_HELP_VERSION__ : 'dev';
