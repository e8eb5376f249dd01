import { describe, expect, it } from 'vitest';

import type { FindingSummary } from '../../../src/core/digest/summarizeDay.js';
import { summarizeDay } from '../../../src/core/digest/summarizeDay.js';
import { renderDigest } from '../../../src/core/render/renderDigest.js';
import type { Lang, Priority } from '../../../src/core/types.js';

// The day is not over yet: figures as of now.
const NOW = new Date('2026-11-25T23:00:00Z');
const DASHBOARD = 'https://func-triage.azurewebsites.net/api/dashboard';

/** An open finding of the index, `hours` old (its last success a day before). */
const open = (i: number, priority: Priority, hours: number): FindingSummary => ({
  key: `item-${String(i).padStart(40, '0')}|usererrorguestagentstatusunavailable`,
  vmName: `vm-${String(i).padStart(2, '0')}`,
  vaultName: 'rsv-prod-we-01',
  code: 'UserErrorGuestAgentStatusUnavailable',
  priority,
  firstFailedAt: new Date(NOW.getTime() - hours * 3_600_000).toISOString(),
  occurrences: 1,
  headline: `Backup of vm-${i} failed`,
  firstAction: `Restart the agent on vm-${i}`,
  resolvedAt: null,
  // The last success: the backup before the first failure, a day earlier.
  lastSuccess: { at: new Date(NOW.getTime() - (hours + 24) * 3_600_000).toISOString(), source: 'job-records' },
});

const digest = (findings: FindingSummary[], lang: Lang = 'en', dashboardUrl?: string) =>
  renderDigest(
    summarizeDay({
      day: '2026-11-25',
      lang,
      now: NOW,
      events: [],
      trend: {},
      open: findings,
      resolved: [],
      rpoHours: 24,
    }),
    { rpoHours: 24, ...(dashboardUrl !== undefined && { dashboardUrl }) },
  );

describe('renderDigest', () => {
  it('lists what is still open first, worst first (priority, then the oldest), before the trend', () => {
    const rendered = digest([open(1, 'P3', 100), open(2, 'P1', 5), open(3, 'P2', 50), open(4, 'P1', 30)]);
    const order = [...rendered.text.matchAll(/^ {2}\[(P\d)\] (vm-\d+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(order).toEqual(['P1 vm-04', 'P1 vm-02', 'P2 vm-03', 'P3 vm-01']);
    const html = rendered.html;
    expect(html.indexOf('Still open, worst first')).toBeLessThan(html.indexOf('Failed jobs, last 8 days'));
    expect(rendered.text.indexOf('Still open, worst first')).toBeLessThan(
      rendered.text.indexOf('Failed jobs, last 8 days'),
    );
  });

  it('shows "past the RPO" only for open items the list leaves out', () => {
    const findings = Array.from({ length: 25 }, (_, i) => open(i + 1, 'P2', 30 + i));
    const rendered = digest(findings);
    // 20 listed (the oldest first within P2); the 5 left out are all past the 24 h RPO.
    const listed = [...rendered.text.matchAll(/^ {2}\[P2\] (vm-\d+)/gm)].map((m) => m[1]);
    expect(listed).toHaveLength(20);
    const section = rendered.text.slice(rendered.text.indexOf('Also past the 24 h RPO:'));
    const atRisk = [...section.matchAll(/^ {2}(vm-\d+) \(/gm)].map((m) => m[1]);
    expect(atRisk).toHaveLength(5);
    expect(atRisk.filter((vm) => listed.includes(vm))).toEqual([]);
    // With everything listed, no separate "past the RPO" section: the list marks them.
    const few = digest(findings.slice(0, 3));
    expect(few.text).not.toContain('Also past');
    expect(few.text).toContain('no successful backup for');
  });

  it.each([
    ['en', 1, 'Azure Backup on 2026-11-25: 1 failed job, 1 open finding'],
    ['fr', 1, 'Azure Backup le 2026-11-25 : 1 travail en échec, 1 constat ouvert'],
  ] as const)('says the counts with the right plural (%s, %i)', (lang, n, subject) => {
    const summary = summarizeDay({
      day: '2026-11-25',
      lang,
      now: NOW,
      events: [],
      trend: { '2026-11-25': n },
      open: [open(1, 'P2', 5)],
      resolved: [],
      rpoHours: 24,
    });
    summary.totals.failedJobs = n;
    expect(renderDigest(summary, { rpoHours: 24 }).subject).toBe(subject);
  });

  it('says 17 jobs in French as "17 travaux en échec"', () => {
    const summary = summarizeDay({
      day: '2026-11-25',
      lang: 'fr',
      now: NOW,
      events: [],
      trend: {},
      open: [],
      resolved: [],
      rpoHours: 24,
    });
    summary.totals = { ...summary.totals, failedJobs: 17, openNow: 17, findings: 17 };
    const rendered = renderDigest(summary, { rpoHours: 24 });
    expect(rendered.subject).toBe('Azure Backup le 2026-11-25 : 17 travaux en échec, 17 constats ouverts');
    expect(rendered.text).toContain('17 travaux en échec · 17 constats (0 nouveau, 0 récurrent)');
  });

  it('links each open finding to its dashboard page when the dashboard URL is set', () => {
    const rendered = digest([open(1, 'P1', 5)], 'en', DASHBOARD);
    expect(rendered.html).toContain(
      `<a href="${DASHBOARD}?finding=item-0000000000000000000000000000000000000001%7Cusererrorguestagentstatusunavailable" style="color:#0f5aa8;">vm-01</a>`,
    );
    expect(rendered.text).toContain(`${DASHBOARD}?finding=item-`);
    expect(digest([open(1, 'P1', 5)]).html).not.toContain('<a ');
  });

  it('has no fixed width outside the Outlook-only table', () => {
    const html = digest(Array.from({ length: 25 }, (_, i) => open(i, 'P2', 30))).html.replace(
      /<!--\[if mso\]>[\s\S]*?<!\[endif\]-->/g,
      '',
    );
    expect(html).not.toMatch(/(?<![-\w])width="\d+"|(?<![-\w])width:\s*\d+px/);
    expect(html).toContain('max-width:600px');
  });
});
