import type { DigestSummary } from '../digest/summarizeDay.js';
import type { Priority } from '../types.js';
import { filteredUrl, findingUrl } from './dashboardLinks.js';
import { DIGEST_LABELS } from './digestLabels.js';
import { escapeHtml } from './escapeHtml.js';
import { labelled } from './typography.js';

const COLORS: Record<Priority, string> = { P1: '#c50f1f', P2: '#b83200', P3: '#8a6600', P4: '#5c5c5c' };
const FONT = 'font-family:Segoe UI,Helvetica,Arial,sans-serif;';
/** Open findings listed by name; the rest are counted and a click away in the dashboard. */
const OPEN_SHOWN = 20;

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

export interface DigestRenderOptions {
  rpoHours: number;
  /** The dashboard's public URL: each open finding links to its page, the list to the filtered view. */
  dashboardUrl?: string;
}

/**
 * The digest email, the actionable part first: what is still open, worst first, each with its first
 * action (and its dashboard page when the dashboard URL is set); then what else is past the RPO,
 * the trend and the breakdowns. The HTML is fluid from 320 to 600 px: one column, a max-width, no
 * fixed widths (a table fixed at 600 px only for Outlook on Windows, which ignores max-width), inline
 * styles, no script, no external image, bars as table cells. The same content as plain text. Text
 * from events is escaped.
 */
export function renderDigest(summary: DigestSummary, options: DigestRenderOptions): RenderedDigest {
  const l = DIGEST_LABELS[summary.lang];
  const t = summary.totals;
  return {
    subject: l.subject(summary.day, t.failedJobs, t.openNow),
    html: html(summary, options),
    text: text(summary, options),
  };
}

/** The open findings listed by name, and those past the RPO that the list leaves out. */
function lists(s: DigestSummary) {
  const shown = s.open.slice(0, OPEN_SHOWN);
  const listed = new Set(shown.map((o) => o.key));
  return { shown, hidden: s.open.length - shown.length, atRisk: s.atRisk.filter((r) => !listed.has(r.key)) };
}

function html(s: DigestSummary, options: DigestRenderOptions): string {
  const l = DIGEST_LABELS[s.lang];
  const t = s.totals;
  const { shown, hidden, atRisk } = lists(s);
  const link = (url: string | undefined, content: string) =>
    url === undefined ? content : `<a href="${escapeHtml(url, 4_000)}" style="color:#0f5aa8;">${content}</a>`;
  const h2 = (title: string) =>
    `<h2 style="${FONT}font-size:17px;font-weight:600;color:#1b1b1b;margin:20px 0 6px 0;">${escapeHtml(title)}</h2>`;
  const bar = (value: number, max: number, color: string) => {
    const pct = max > 0 && value > 0 ? Math.max(2, Math.round((value / max) * 100)) : 0;
    return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;"><tr>${pct > 0 ? `<td width="${pct}%" bgcolor="${color}" style="background:${color};height:12px;font-size:1px;line-height:12px;">&nbsp;</td>` : ''}<td style="font-size:1px;line-height:12px;">&nbsp;</td></tr></table>`;
  };
  /** Label | bar | number, the label and the number as wide as their text, the bar taking the rest. */
  const bars = (rows: Array<{ label: string; value: number; color: string }>) => {
    const max = Math.max(0, ...rows.map((r) => r.value));
    return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">${rows
      .map(
        (r) =>
          `<tr><td style="${FONT}font-size:13px;color:#333;padding:3px 8px 3px 0;white-space:nowrap;">${r.label}</td><td width="100%" style="padding:3px 0;">${bar(r.value, max, r.color)}</td><td align="right" style="${FONT}font-size:13px;color:#333;padding:3px 0 3px 8px;white-space:nowrap;">${r.value}</td></tr>`,
      )
      .join('')}</table>`;
  };
  const counts = (jobs: number, findings: number) =>
    `${escapeHtml(l.jobsCount(jobs))} · ${escapeHtml(l.findings(findings))}`;
  const item = (content: string) =>
    `<div style="${FONT}font-size:13px;color:#333;padding:6px 0;border-bottom:1px solid #e6e6e6;">${content}</div>`;

  const parts: string[] = [];
  parts.push(
    `<h1 style="${FONT}font-size:21px;font-weight:600;color:#111;margin:0 0 2px 0;">${escapeHtml(l.title(s.day))}</h1>`,
    `<p style="${FONT}font-size:12px;color:#555;margin:0 0 8px 0;">${escapeHtml(l.asOf(s.asOf))}</p>`,
  );
  if (s.allClear)
    parts.push(`<p style="${FONT}font-size:15px;color:#0b6a0b;margin:8px 0;">&#10004; ${escapeHtml(l.allClear)}</p>`);
  const figures: Array<[number, string]> = [
    [t.failedJobs, l.failedJobs(t.failedJobs)],
    [t.findings, l.findings(t.findings)],
    [t.newFindings, l.newFindings(t.newFindings)],
    [t.recurringFindings, l.recurring(t.recurringFindings)],
    [t.resolved, l.resolved(t.resolved)],
    [t.openNow, l.openNow(t.openNow)],
  ];
  // Boxes that wrap onto a second line on a phone (Outlook on Windows stacks them).
  parts.push(
    `<div style="margin:4px 0 8px 0;">${figures
      .map(([n, label]) => {
        const words = label.replace(/^\d+\s/, '');
        return `<div style="display:inline-block;vertical-align:top;min-width:60px;margin:0 4px 4px 0;padding:4px 6px;border:1px solid #e0e0e0;${FONT}"><div style="font-size:20px;font-weight:600;color:#111;">${n}</div><div style="font-size:12px;color:#444;">${escapeHtml(words)}</div></div>`;
      })
      .join('')}</div>`,
  );

  if (shown.length > 0) {
    parts.push(h2(l.open));
    for (const o of shown) {
      const age = ageOf(o, l, options.rpoHours, true);
      parts.push(
        item(
          `<b style="color:${COLORS[o.priority]};">${o.priority}</b> <b>${link(findingUrl(options.dashboardUrl, o.key), escapeHtml(o.vmName, 80))}</b> <span style="color:#555;">${escapeHtml(o.vaultName, 80)} · <span style="word-break:break-all;">${escapeHtml(o.code, 80)}</span> · ${age}</span><div style="margin-top:2px;font-size:12px;color:#333;"><b>${escapeHtml(l.firstAction)}${s.lang === 'fr' ? '&nbsp;:' : ':'}</b> ${escapeHtml(o.firstAction, 400)}</div>`,
        ),
      );
    }
    if (hidden > 0)
      parts.push(
        `<p style="${FONT}font-size:13px;margin:6px 0;">${link(filteredUrl(options.dashboardUrl, { status: 'open' }), escapeHtml(options.dashboardUrl !== undefined ? l.more(hidden) : l.moreText(hidden)))}</p>`,
      );
  }
  if (atRisk.length > 0) {
    parts.push(h2(l.atRisk(options.rpoHours)));
    for (const r of atRisk.slice(0, OPEN_SHOWN))
      parts.push(
        item(
          `<b>${link(findingUrl(options.dashboardUrl, r.key), escapeHtml(r.vmName, 80))}</b> <span style="color:#555;">${escapeHtml(r.vaultName, 80)} · <span style="word-break:break-all;">${escapeHtml(r.code, 80)}</span> · ${escapeHtml(l.withoutBackup(l.hours(r.hoursWithoutSuccess)))}</span>`,
        ),
      );
  }

  parts.push(h2(`${l.trend} (${l.change(s.trendChangePercent)})`));
  parts.push(
    bars(
      s.trend.map((d) => ({
        label: escapeHtml(d.day),
        value: d.failedJobs,
        color: d.day === s.day ? '#0f6cbd' : '#8ab4e6',
      })),
    ),
  );
  if (!s.allClear) {
    parts.push(h2(l.byPriority));
    parts.push(
      bars(
        (['P1', 'P2', 'P3', 'P4'] as const).map((p) => ({
          label: `<b style="color:${COLORS[p]};">${p}</b>`,
          value: s.byPriority[p],
          color: COLORS[p],
        })),
      ),
    );
    parts.push(h2(l.byCode));
    for (const c of s.byCode)
      parts.push(
        item(
          `<b style="word-break:break-all;">${escapeHtml(c.code, 80)}</b> <span style="color:#555;">${escapeHtml(c.title, 160)}</span><br>${counts(c.jobs, c.findings)}`,
        ),
      );
    parts.push(h2(l.byVault));
    for (const v of s.byVault) parts.push(item(`<b>${escapeHtml(v.vault, 80)}</b> · ${counts(v.jobs, v.findings)}`));
  }
  const dashboard =
    options.dashboardUrl !== undefined && /^https?:\/\//.test(options.dashboardUrl)
      ? `<p style="${FONT}font-size:14px;margin:16px 0 4px 0;">${link(options.dashboardUrl, escapeHtml(l.dashboard))}</p>`
      : '';
  parts.push(`${dashboard}<p style="${FONT}font-size:11px;color:#666;margin:12px 0 0 0;">${escapeHtml(l.footer)}</p>`);
  const content = parts.join('');
  return `<!DOCTYPE html><html lang="${s.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(l.title(s.day))}</title></head><body style="margin:0;padding:0;background:#f3f3f3;"><!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0"><tr><td><![endif]--><div style="max-width:600px;margin:0 auto;padding:12px;background:#ffffff;box-sizing:border-box;overflow-wrap:break-word;word-wrap:break-word;">${content}</div><!--[if mso]></td></tr></table><![endif]--></body></html>`;
}

/**
 * How long an open finding has gone without a successful backup (red past the RPO), or, when the
 * item's last success is not known, how long the finding has been open.
 */
function ageOf(
  o: DigestSummary['open'][number],
  l: (typeof DIGEST_LABELS)['en' | 'fr'],
  rpoHours: number,
  asHtml: boolean,
): string {
  if (o.hoursSinceLastSuccess === null)
    return asHtml ? escapeHtml(l.openFor(l.hours(o.ageHours))) : l.openFor(l.hours(o.ageHours));
  const words = l.withoutBackup(l.hours(o.hoursSinceLastSuccess));
  if (!asHtml) return words;
  return o.hoursSinceLastSuccess > rpoHours
    ? `<span style="color:#a4262c;">${escapeHtml(words)}</span>`
    : escapeHtml(words);
}

function text(s: DigestSummary, options: DigestRenderOptions): string {
  const l = DIGEST_LABELS[s.lang];
  const t = s.totals;
  const { shown, hidden, atRisk } = lists(s);
  const one = (value: string, max = 200) =>
    value.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ').slice(0, max);
  const label = (text: string) => labelled(s.lang, text).trimEnd();
  const lines = [l.title(s.day), l.asOf(s.asOf), ''];
  if (s.allClear) lines.push(l.allClear, '');
  lines.push(
    `${l.failedJobs(t.failedJobs)} · ${l.findings(t.findings)} (${l.newFindings(t.newFindings)}, ${l.recurring(t.recurringFindings)}) · ${l.resolved(t.resolved)} · ${l.openNow(t.openNow)}`,
    '',
  );
  if (shown.length > 0) {
    lines.push(label(l.open));
    for (const o of shown) {
      const url = findingUrl(options.dashboardUrl, o.key);
      lines.push(
        `  [${o.priority}] ${one(o.vmName, 80)} (${one(o.vaultName, 80)}, ${one(o.code, 80)}), ${ageOf(o, l, options.rpoHours, false)}`,
        `      ${labelled(s.lang, l.firstAction)}${one(o.firstAction, 400)}`,
        ...(url !== undefined ? [`      ${url}`] : []),
      );
    }
    if (hidden > 0) lines.push(`  ${options.dashboardUrl !== undefined ? l.more(hidden) : l.moreText(hidden)}`);
    lines.push('');
  }
  if (atRisk.length > 0)
    lines.push(
      label(l.atRisk(options.rpoHours)),
      ...atRisk
        .slice(0, OPEN_SHOWN)
        .map(
          (r) =>
            `  ${one(r.vmName, 80)} (${one(r.vaultName, 80)}, ${one(r.code, 80)}), ${l.withoutBackup(l.hours(r.hoursWithoutSuccess))}`,
        ),
      '',
    );
  lines.push(
    `${label(l.trend)} ${s.trend.map((d) => `${d.day.slice(5)} ${d.failedJobs}`).join(', ')} (${l.change(s.trendChangePercent)})`,
    '',
  );
  if (!s.allClear) {
    lines.push(
      `${label(l.byPriority)} ${(['P1', 'P2', 'P3', 'P4'] as const).map((p) => `${p} ${s.byPriority[p]}`).join(', ')}`,
    );
    lines.push(
      label(l.byCode),
      ...s.byCode.map((c) => `  ${labelled(s.lang, one(c.code, 80))}${l.jobsCount(c.jobs)}, ${l.findings(c.findings)}`),
    );
    lines.push(
      label(l.byVault),
      ...s.byVault.map(
        (v) => `  ${labelled(s.lang, one(v.vault, 80))}${l.jobsCount(v.jobs)}, ${l.findings(v.findings)}`,
      ),
      '',
    );
  }
  if (options.dashboardUrl !== undefined) lines.push(`${label(l.dashboard)} ${options.dashboardUrl}`);
  lines.push(l.footer);
  return lines.join('\n');
}
