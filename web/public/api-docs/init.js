// Start-up of the API reference at /api/docs (src/http/api_docs.cpp serves the page). Swagger UI
// comes from npm's swagger-ui-dist, copied into dist/api-docs by the web build: nothing is loaded
// from elsewhere. "Try it out" sends the browser's session cookie; for a state-changing call the
// interceptor adds the session's CSRF token, as the web app does. A machine client's bearer token
// can be entered under "Authorize" instead (no CSRF header then).
/* global SwaggerUIBundle */
;(function () {
  let csrf = null
  async function csrfToken() {
    if (csrf === null) {
      try {
        const r = await fetch('/api/v1/session', { credentials: 'same-origin' })
        csrf = r.ok ? (await r.json()).csrf_token : ''
      } catch {
        csrf = ''
      }
    }
    return csrf
  }
  window.ui = SwaggerUIBundle({
    url: '/api/docs/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    displayOperationId: true,
    defaultModelsExpandDepth: 0,
    docExpansion: 'none',
    filter: true,
    validatorUrl: null,
    requestInterceptor: async (req) => {
      const method = (req.method || 'GET').toUpperCase()
      const hasBearer = Object.keys(req.headers || {}).some((h) => h.toLowerCase() === 'authorization')
      if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && !hasBearer) {
        const token = await csrfToken()
        if (token) req.headers['X-CSRF-Token'] = token
      }
      return req
    },
  })
})()
