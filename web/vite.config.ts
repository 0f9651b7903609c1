/// <reference types="vitest/config" />
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

/**
 * The API reference at /api/docs (served by the binary) loads Swagger UI from dist/api-docs/:
 * copied here from npm's swagger-ui-dist at build time, so nothing comes from a CDN. The page's
 * start-up script and styles are public/api-docs/.
 */
function swaggerUiAssets(): Plugin {
  const from = fileURLToPath(new URL('./node_modules/swagger-ui-dist/', import.meta.url))
  return {
    name: 'xianjie-swagger-ui-assets',
    apply: 'build',
    writeBundle(options) {
      const to = path.join(options.dir ?? 'dist', 'api-docs')
      mkdirSync(to, { recursive: true })
      for (const f of ['swagger-ui-bundle.js', 'swagger-ui-bundle.js.LICENSE.txt', 'swagger-ui.css', 'LICENSE']) {
        copyFileSync(path.join(from, f), path.join(to, f))
      }
    },
  }
}

// 开发时把 /api 代理到本机 C++ 服务（XIANJIE_API 可覆盖，默认 http://127.0.0.1:8080）
const apiTarget = process.env.XIANJIE_API ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus 按需：每个页面只带它模板中用到的组件及其样式（issue #22 point 1，挂图作战在慢速链路上的体积）
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
    swaggerUiAssets(),
  ],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // 挂图作战（首页）只取入口、vue 与按需加载的 echarts 三个脚本：Element Plus 的组件随用到它们的页面分块，
        // 不再整包放进一个块里（docs/performance.md，“Wall chart on a slow link”）
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender') || id.endsWith('/src/charts/echarts.ts')) return 'echarts'
          if (/node_modules\/(@vue|vue|vue-router)\//.test(id)) return 'vue'
          return undefined
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'node',
  },
})
