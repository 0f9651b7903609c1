import { createApp } from 'vue'
// Element Plus 按需引入（issue #22 point 1）：模板中的组件与 v-loading 由构建（vite.config.ts 的
// unplugin-vue-components）逐个引入并带上各自的样式；脚本中调用的消息框、提示与加载服务在此引入样式并安装，
// 全局中文语言包由 provideGlobalConfig 提供（ElMessageBox 等在应用上下文之外渲染的组件也用它）。
import { ElLoading, ElMessage, ElMessageBox, provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/loading/style/css'
import './styles.css'
import App from './App.vue'
import { router } from './router'

const app = createApp(App)
app.use(ElMessage).use(ElMessageBox).use(ElLoading)
provideGlobalConfig({ locale: zhCn }, app, true)
app.use(router).mount('#app')
