/// <reference types="vitest/config" />
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

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
  plugins: [vue(), swaggerUiAssets()],
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
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules/')) return 'vendor'
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
