// Writes NAME.br and NAME.gz beside every compressible file of the web build (dist/) of at least
// 1 KiB, for the server to send to clients that accept them (src/http/static_files.cpp; a county
// office on a slow link downloads a third of the bytes). Brotli at quality 11 and gzip at level 9:
// once per build, so the slowest settings cost nothing per request. A compressed copy that is not
// smaller than the file is not written.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const root = path.resolve(process.argv[2] ?? 'dist')
const compressible = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map'])

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else yield full
  }
}

let written = 0
let before = 0
let after = 0
for (const file of files(root)) {
  if (!compressible.has(path.extname(file))) continue
  const body = fs.readFileSync(file)
  if (body.length < 1024) continue
  const br = zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  })
  const gz = zlib.gzipSync(body, { level: 9 })
  if (br.length < body.length) fs.writeFileSync(`${file}.br`, br)
  if (gz.length < body.length) fs.writeFileSync(`${file}.gz`, gz)
  written += 1
  before += body.length
  after += Math.min(br.length, body.length)
}
console.log(`compressed ${written} files: ${Math.round(before / 1024)} KiB → ${Math.round(after / 1024)} KiB (brotli)`)
