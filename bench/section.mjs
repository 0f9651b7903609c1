// Replaces one benchmark's section of docs/performance.md with stdin, keeping the others:
// each script owns the text between <!-- bench:NAME --> and <!-- /bench:NAME -->.
// Usage: node report.mjs … | node section.mjs NAME [FILE]
import fs from 'node:fs'

const [name, file = 'docs/performance.md'] = process.argv.slice(2)
if (!/^[a-z0-9-]+$/.test(name ?? '')) {
  console.error('usage: node section.mjs NAME [FILE] < section.md')
  process.exit(2)
}
const body = fs.readFileSync(0, 'utf8').trim()
const open = `<!-- bench:${name} -->`
const close = `<!-- /bench:${name} -->`
let doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
if (!doc.startsWith('# Performance')) doc = '# Performance\n\nEvery figure below is written by a script in `bench/`; each section names its script and the run it comes from.\n\n'
const block = `${open}\n${body}\n${close}`
const start = doc.indexOf(open)
const end = doc.indexOf(close)
if (start >= 0 && end > start) doc = doc.slice(0, start) + block + doc.slice(end + close.length)
else doc = `${doc.trimEnd()}\n\n${block}\n`
fs.writeFileSync(file, doc.endsWith('\n') ? doc : doc + '\n')
