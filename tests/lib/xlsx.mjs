// Reads the first sheet of an XLSX workbook into rows of cell texts (shared strings resolved), enough for
// tests to check what an export says. Zip entries found through the central directory; stored or deflated.
import zlib from 'node:zlib'

function entries(buf) {
  let eocd = buf.length - 22
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip file')
  let count = buf.readUInt16LE(eocd + 10)
  let at = buf.readUInt32LE(eocd + 16)
  const out = new Map()
  for (; count > 0; count--) {
    const method = buf.readUInt16LE(at + 10)
    const size = buf.readUInt32LE(at + 20)
    const nameLen = buf.readUInt16LE(at + 28)
    const extraLen = buf.readUInt16LE(at + 30)
    const commentLen = buf.readUInt16LE(at + 32)
    const local = buf.readUInt32LE(at + 42)
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8')
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const data = buf.subarray(start, start + size)
    out.set(name, (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8'))
    at += 46 + nameLen + extraLen + commentLen
  }
  return out
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The rows of worksheet `sheet` (1 = the first); each row an array of cell texts by column (missing cells are ''). */
export function xlsxRows(buf, sheet = 1) {
  const files = entries(Buffer.from(buf))
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')))
  const xml = files.get(`xl/worksheets/sheet${sheet}.xml`) ?? ''
  return [...xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells = []
    for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = [...c[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
      const body = c[3] ?? ''
      const v = body.match(/<v>([\s\S]*?)<\/v>/)?.[1]
      const inline = body.match(/<t[^>]*>([\s\S]*?)<\/t>/)?.[1]
      let text = inline !== undefined ? unescape(inline) : v !== undefined ? unescape(v) : ''
      if (/t="s"/.test(c[2]) && v !== undefined) text = shared[Number(v)]
      while (cells.length < col) cells.push('')
      cells[col] = text
    }
    return cells
  })
}
