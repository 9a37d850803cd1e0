// manifest.html: the bundle's facts for a person, in Traditional Chinese and English, self-contained (no script,
// no external resource, a CSP that forbids both) and with every value escaped — captured text, titles and names
// are data, never markup. It is a reading aid; manifest.json and `firebreak evidence verify` are the check.
import type { BundleItem, BundleManifest } from './bundle-manifest.ts';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = (v: unknown) => escapeHtml(v === null || v === undefined ? '—' : String(v));
const both = (zh: string, en: string) => `${escapeHtml(zh)}<span class="en"> / ${escapeHtml(en)}</span>`;

function row(zh: string, en: string, value: string) {
  return `<tr><th>${both(zh, en)}</th><td>${value}</td></tr>`;
}

function itemSection(it: BundleItem): string {
  const files = it.files.length
    ? `<ul>${it.files.map((f) => `<li><code>${e(f.path)}</code> — ${e(f.contentType)}, ${e(f.size)} B, ${e(f.originalName)}<br><code class="h">${e(f.sha256)}</code></li>`).join('')}</ul>`
    : '—';
  const custody = it.custody
    .map(
      (c) =>
        `<tr><td>${e(c.at)}</td><td>${e(c.type)}</td><td>${e(c.actor.label)}</td><td>${e(c.ip)}</td><td>${e(c.eventId)}</td><td><code class="h">${e(c.hash)}</code></td></tr>`,
    )
    .join('');
  return `<section>
<h2>D-${e(it.number)} ${e(it.title)}</h2>
<table class="facts">
${row('文件編號', 'Document id', `<code>${e(it.documentId)}</code>`)}
${row('種類／機密等級', 'Kind / classification', `${e(it.kind)} / ${e(it.classification)}`)}
${row('來源網址', 'Source URL', e(it.sourceUrl))}
${row('提及編號', 'Mention id', e(it.mentionId))}
${row('保全時間（UTC）', 'Captured at (UTC)', e(it.capturedAt))}
${row('保全人', 'Captured by', e(it.capturedBy.name))}
${row('文字檔', 'Captured text', `<code>${e(it.text.path)}</code> (${e(it.text.size)} B)<br><code class="h">${e(it.text.sha256)}</code>`)}
${row('附件', 'Files', files)}
</table>
<h3>${both('保管鏈', 'Chain of custody')}</h3>
<table class="custody"><thead><tr><th>${both('時間（UTC）', 'Time (UTC)')}</th><th>${both('事件', 'Event')}</th><th>${both('執行者', 'Actor')}</th><th>IP</th><th>${both('事件編號', 'Event id')}</th><th>${both('雜湊', 'Hash')}</th></tr></thead>
<tbody>${custody}</tbody></table>
</section>`;
}

/** The whole page. */
export function renderManifestHtml(m: BundleManifest): string {
  return `<!doctype html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${both('證據包', 'Evidence bundle').replace(/<[^>]+>/g, '')} ${e(m.bundleId)}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK TC",sans-serif;margin:1rem;line-height:1.5;color:#111}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f4f4f4;font-weight:600}.en{color:#555}code{word-break:break-all}.h{font-size:.8em}
section{margin-top:2rem}.custody{font-size:.9em}
</style>
</head>
<body>
<h1>${both('證據包', 'Evidence bundle')}</h1>
<table class="facts">
${row('證據包編號', 'Bundle id', `<code>${e(m.bundleId)}</code>`)}
${row('建立時間（UTC）', 'Created at (UTC)', e(m.createdAt))}
${row('建立者', 'Created by', e(m.createdBy.name))}
${row('組織', 'Organisation', e(m.organisation.name))}
${row('項目數', 'Items', e(m.items.length))}
</table>
<h2>${both('如何驗證', 'How to verify')}</h2>
<p>${escapeHtml('執行 firebreak evidence verify 本檔案.zip：會重新計算 manifest.json 所列每個檔案與保全文字的 SHA-256，並回報缺少、多出或不符的檔案；全部相符時結束碼為 0。也可用任何 SHA-256 工具（如 sha256sum）逐一比對下列雜湊值。保管鏈的事件雜湊可與系統稽核鏈（firebreak audit verify）核對。')}</p>
<p class="en">${escapeHtml('Run firebreak evidence verify THIS.zip: it recomputes the SHA-256 of every file and captured text listed in manifest.json and reports missing, unlisted and mismatched files; exit code 0 means everything matches. Any SHA-256 tool (e.g. sha256sum) can check the hashes below one by one. Custody event hashes can be checked against the system audit chain (firebreak audit verify).')}</p>
${m.items.map(itemSection).join('\n')}
</body>
</html>
`;
}
