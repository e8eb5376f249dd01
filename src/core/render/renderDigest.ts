import type { DigestSummary } from '../digest/summarizeDay.js';
import type { Priority } from '../types.js';
import { DIGEST_LABELS } from './digestLabels.js';
import { escapeHtml } from './escapeHtml.js';

const COLORS: Record<Priority, string> = { P1: '#c50f1f', P2: '#da3b01', P3: '#b58900', P4: '#6b6b6b' };
const FONT = 'font-family:Segoe UI,Helvetica,Arial,sans-serif;';
const OPEN_SHOWN = 20;

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/**
 * The digest email: HTML that renders in Outlook and Gmail (tables, inline styles, no script, no
 * external image; bars are table cells) and the same content as plain text. Text from events is
 * escaped.
 */
export function renderDigest(
  summary: DigestSummary,
  options: { rpoHours: number; dashboardUrl?: string },
): RenderedDigest {
  const l = DIGEST_LABELS[summary.lang];
  const t = summary.totals;
  return {
    subject: l.subject(summary.day, t.failedJobs, t.openNow),
    html: html(summary, options),
    text: text(summary, options),
  };
}

function html(s: DigestSummary, options: { rpoHours: number; dashboardUrl?: string }): string {
  const l = DIGEST_LABELS[s.lang];
  const t = s.totals;
  const cell = (content: string, style = '') =>
    `<td style="${FONT}font-size:13px;padding:4px 8px;border-bottom:1px solid #e6e6e6;${style}">${content}</td>`;
  const head = (content: string) =>
    `<th align="left" style="${FONT}font-size:12px;padding:4px 8px;color:#555;border-bottom:2px solid #ccc;">${content}</th>`;
  const section = (title: string, body: string) =>
    `<tr><td style="padding:16px 0 4px 0;${FONT}font-size:16px;font-weight:600;color:#222;">${escapeHtml(title)}</td></tr><tr><td>${body}</td></tr>`;
  const table = (headers: string[], rows: string[]) =>
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;"><tr>${headers.map(head).join('')}</tr>${rows.join('')}</table>`;
  const bar = (value: number, max: number, color: string) => {
    const pct = max > 0 && value > 0 ? Math.max(1, Math.round((value / max) * 100)) : 0;
    return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>${pct > 0 ? `<td width="${pct}%" bgcolor="${color}" style="background:${color};height:12px;font-size:1px;line-height:12px;">&nbsp;</td>` : ''}<td style="font-size:1px;line-height:12px;">&nbsp;</td></tr></table>`;
  };

  const parts: string[] = [];
  parts.push(
    `<tr><td style="${FONT}font-size:22px;font-weight:600;color:#111;padding-bottom:8px;">${escapeHtml(l.title(s.day))}</td></tr>`,
    `<tr><td style="${FONT}font-size:12px;color:#555;padding-bottom:8px;">${escapeHtml(l.asOf(s.asOf))}</td></tr>`,
  );
  if (s.allClear)
    parts.push(
      `<tr><td style="${FONT}font-size:15px;color:#107c10;padding:8px 0;">&#10004; ${escapeHtml(l.allClear)}</td></tr>`,
    );
  const figures: Array<[number, string]> = [
    [t.failedJobs, l.failedJobs],
    [t.findings, l.findings],
    [t.newFindings, l.newFindings],
    [t.recurringFindings, l.recurring],
    [t.resolved, l.resolved],
    [t.openNow, l.openNow],
  ];
  parts.push(
    `<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>${figures.map(([n, label]) => `<td align="center" style="${FONT}padding:8px;border:1px solid #e6e6e6;"><div style="font-size:24px;font-weight:600;color:#111;">${n}</div><div style="font-size:12px;color:#555;">${escapeHtml(label)}</div></td>`).join('')}</tr></table></td></tr>`,
  );

  const maxTrend = Math.max(0, ...s.trend.map((d) => d.failedJobs));
  parts.push(
    section(
      `${l.trend} (${l.change(s.trendChangePercent)})`,
      table(
        [l.day, '', l.jobs],
        s.trend.map(
          (d) =>
            `<tr>${cell(escapeHtml(d.day), 'width:90px;')}${cell(bar(d.failedJobs, maxTrend, d.day === s.day ? '#0f6cbd' : '#8ab4e6'))}${cell(String(d.failedJobs), 'width:40px;text-align:right;')}</tr>`,
        ),
      ),
    ),
  );

  if (!s.allClear) {
    const maxPriority = Math.max(0, ...Object.values(s.byPriority));
    parts.push(
      section(
        l.byPriority,
        table(
          [l.priority, '', l.findings],
          (['P1', 'P2', 'P3', 'P4'] as const).map(
            (p) =>
              `<tr>${cell(`<b style="color:${COLORS[p]};">${p}</b>`, 'width:60px;')}${cell(bar(s.byPriority[p], maxPriority, COLORS[p]))}${cell(String(s.byPriority[p]), 'width:40px;text-align:right;')}</tr>`,
          ),
        ),
      ),
    );
    parts.push(
      section(
        l.byCode,
        table(
          [l.code, l.jobs, l.findings],
          s.byCode.map(
            (c) =>
              `<tr>${cell(`<b>${escapeHtml(c.code, 80)}</b><br><span style="color:#555;">${escapeHtml(c.title, 160)}</span>`)}${cell(String(c.jobs), 'text-align:right;')}${cell(String(c.findings), 'text-align:right;')}</tr>`,
          ),
        ),
      ),
    );
    parts.push(
      section(
        l.byVault,
        table(
          [l.vault, l.jobs, l.findings],
          s.byVault.map(
            (v) =>
              `<tr>${cell(escapeHtml(v.vault, 80))}${cell(String(v.jobs), 'text-align:right;')}${cell(String(v.findings), 'text-align:right;')}</tr>`,
          ),
        ),
      ),
    );
  }
  if (s.atRisk.length > 0) {
    parts.push(
      section(
        l.atRisk(options.rpoHours),
        table(
          [l.vm, l.vault, l.code, l.sinceSuccess],
          s.atRisk
            .slice(0, OPEN_SHOWN)
            .map(
              (r) =>
                `<tr>${cell(escapeHtml(r.vmName, 80))}${cell(escapeHtml(r.vaultName, 80))}${cell(escapeHtml(r.code, 80))}${cell(escapeHtml(l.hours(r.hoursWithoutSuccess)))}</tr>`,
            ),
        ),
      ),
    );
  }
  if (s.open.length > 0) {
    const rows = s.open
      .slice(0, OPEN_SHOWN)
      .map(
        (o) =>
          `<tr>${cell(`<b style="color:${COLORS[o.priority]};">${o.priority}</b>`)}${cell(`${escapeHtml(o.vmName, 80)}<br><span style="color:#555;">${escapeHtml(o.vaultName, 80)} · ${escapeHtml(o.code, 80)}</span>`)}${cell(escapeHtml(o.hoursSinceLastSuccess === null ? l.unknown : l.hours(o.hoursSinceLastSuccess)))}${cell(escapeHtml(o.firstAction, 400), 'font-size:12px;')}</tr>`,
      );
    if (s.open.length > OPEN_SHOWN)
      rows.push(`<tr>${cell(escapeHtml(l.more(s.open.length - OPEN_SHOWN)), 'color:#555;')}</tr>`);
    parts.push(section(l.open, table([l.priority, l.vm, l.sinceSuccess, l.firstAction], rows)));
  }
  const link =
    options.dashboardUrl !== undefined && /^https?:\/\//.test(options.dashboardUrl)
      ? `<p style="${FONT}font-size:13px;"><a href="${escapeHtml(options.dashboardUrl, 2000)}" style="color:#0f6cbd;">${escapeHtml(options.dashboardUrl, 200)}</a></p>`
      : '';
  parts.push(
    `<tr><td style="${FONT}font-size:11px;color:#777;padding-top:16px;">${link}${escapeHtml(l.footer)}</td></tr>`,
  );
  return `<!DOCTYPE html><html lang="${s.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(l.title(s.day))}</title></head><body style="margin:0;padding:16px;background:#f5f5f5;"><table role="presentation" width="640" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff;padding:16px;border:1px solid #e0e0e0;max-width:640px;">${parts.join('')}</table></body></html>`;
}

function text(s: DigestSummary, options: { rpoHours: number; dashboardUrl?: string }): string {
  const l = DIGEST_LABELS[s.lang];
  const t = s.totals;
  const one = (value: string, max = 200) =>
    value.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ').slice(0, max);
  const lines = [l.title(s.day), l.asOf(s.asOf), ''];
  if (s.allClear) lines.push(l.allClear, '');
  lines.push(
    `${t.failedJobs} ${l.failedJobs} · ${t.findings} ${l.findings} (${t.newFindings} ${l.newFindings}, ${t.recurringFindings} ${l.recurring}) · ${t.resolved} ${l.resolved} · ${t.openNow} ${l.openNow}`,
    '',
  );
  lines.push(
    `${l.trend}: ${s.trend.map((d) => `${d.day.slice(5)} ${d.failedJobs}`).join(', ')} (${l.change(s.trendChangePercent)})`,
    '',
  );
  if (!s.allClear) {
    lines.push(
      `${l.byPriority}: ${(['P1', 'P2', 'P3', 'P4'] as const).map((p) => `${p} ${s.byPriority[p]}`).join(', ')}`,
    );
    lines.push(
      `${l.byCode}:`,
      ...s.byCode.map((c) => `  ${one(c.code, 80)}: ${c.jobs} ${l.jobs.toLowerCase()}, ${c.findings} ${l.findings}`),
    );
    lines.push(
      `${l.byVault}:`,
      ...s.byVault.map((v) => `  ${one(v.vault, 80)}: ${v.jobs} ${l.jobs.toLowerCase()}, ${v.findings} ${l.findings}`),
      '',
    );
  }
  if (s.atRisk.length > 0)
    lines.push(
      `${l.atRisk(options.rpoHours)}:`,
      ...s.atRisk
        .slice(0, OPEN_SHOWN)
        .map(
          (r) =>
            `  ${one(r.vmName, 80)} (${one(r.vaultName, 80)}, ${one(r.code, 80)}): ${l.hours(r.hoursWithoutSuccess)}`,
        ),
      '',
    );
  if (s.open.length > 0) {
    lines.push(`${l.open}:`);
    for (const o of s.open.slice(0, OPEN_SHOWN))
      lines.push(
        `  [${o.priority}] ${one(o.vmName, 80)} (${one(o.vaultName, 80)}, ${one(o.code, 80)}), ${l.sinceSuccess.toLowerCase()} ${o.hoursSinceLastSuccess === null ? l.unknown : l.hours(o.hoursSinceLastSuccess)}`,
        `      ${l.firstAction}: ${one(o.firstAction, 400)}`,
      );
    if (s.open.length > OPEN_SHOWN) lines.push(`  ${l.more(s.open.length - OPEN_SHOWN)}`);
    lines.push('');
  }
  if (options.dashboardUrl !== undefined) lines.push(options.dashboardUrl);
  lines.push(l.footer);
  return lines.join('\n');
}
