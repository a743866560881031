/// <reference types="vite/client" />

// Compile-time feature flags of vue-i18n, set in vite.config.ts.
declare const __VUE_I18N_FULL_INSTALL__: boolean
declare const __VUE_I18N_LEGACY_API__: boolean
declare const __INTLIFY_PROD_DEVTOOLS__: boolean
