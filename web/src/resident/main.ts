import { createApp } from 'vue'
import 'vant/es/toast/style'
import '@/shared/styles/base.css'
import './styles.css'
import { i18n } from '@/shared/i18n'
import '@/shared/elderly'
import { vInputAttrs } from '@/shared/testid'
import { syncVantLocale } from './vant-locale'
import { router } from './router'
import App from './App.vue'

syncVantLocale()

createApp(App).use(i18n).use(router).directive('input-attrs', vInputAttrs).mount('#app')
