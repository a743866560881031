import { createApp } from 'vue'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/notification/style/css'
import '@/shared/styles/base.css'
import './styles.css'
import { i18n } from '@/shared/i18n'
import '@/shared/elderly'
import { vInputAttrs } from '@/shared/testid'
import { router } from './router'
import App from './App.vue'

createApp(App).use(i18n).use(router).directive('input-attrs', vInputAttrs).mount('#app')
