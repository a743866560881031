import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const backend = process.env.HUIMIN_BACKEND ?? 'http://127.0.0.1:8080'
const proxied = ['/api', '/fhir', '/actuator', '/v3']
const VUE = /[\\/]node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/
const SHARED = /[\\/]src[\\/]shared[\\/]/
const CHARTS = /[\\/](node_modules[\\/](echarts|zrender|tslib)|src[\\/]shared[\\/]charts)[\\/]/

// Two pages from one project: the resident H5 at / and the staff console at /console/.
// Vant and Element Plus components are imported on demand (with their CSS) by unplugin-vue-components;
// full imports would cost ~1.2 MB of JS.
export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    Components({
      dts: 'components.d.ts',
      dirs: [],
      resolvers: [VantResolver(), ElementPlusResolver({ importStyle: 'css' })],
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: backend, changeOrigin: false }])),
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: backend, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    target: 'es2020',
    // ECharts' chunk (~520 kB, ~180 kB gzipped) loads only with the chart pages; every other chunk stays under 200 kB.
    chunkSizeWarningLimit: 540,
    rolldownOptions: {
      input: {
        resident: fileURLToPath(new URL('./index.html', import.meta.url)),
        console: fileURLToPath(new URL('./console/index.html', import.meta.url)),
      },
      output: {
        // Both apps load the same Vue core and shared code; component libraries stay split per route. ECharts, with
        // src/shared/charts which draws with it, is a chunk of its own that only the pages with a chart load; a group
        // takes its modules' dependencies along unless a group of higher priority has them, hence the priorities.
        codeSplitting: {
          groups: [
            // (with the tiny SFC helper every component uses, which would otherwise follow the charts)
            { name: 'vue-core', test: (id: string) => VUE.test(id) || id.includes('plugin-vue:export-helper'), priority: 3 },
            { name: 'shared', test: (id: string) => SHARED.test(id) && !CHARTS.test(id), priority: 2 },
            { name: 'charts', test: CHARTS, priority: 1 },
          ],
        },
      },
    },
  },
})
