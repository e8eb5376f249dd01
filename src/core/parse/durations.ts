const ISO = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const CLOCK = /^(?:(\d+)(?:\.| days?, ))?(\d+):([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/;

/**
 * A job duration in seconds from the three spellings jobs use: ISO-8601 (`PT1M51.41S`, REST IaaS
 * VM jobs), .NET time spans (`00:03:13.6439467`, REST workload jobs; `1.02:00:00` past a day) and
 * Python's (`0:00:01.781847`, `1 day, 0:00:01`, the Azure CLI). Anything else is `undefined`.
 */
export function tryParseDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso !== null && value.length > 1 && !/T$/i.test(value)) {
    const [, d = '0', h = '0', m = '0', s = '0'] = iso;
    return round(Number(d) * 86_400 + Number(h) * 3_600 + Number(m) * 60 + Number(s));
  }
  const clock = CLOCK.exec(value);
  if (clock !== null) {
    const [, d = '0', h = '0', m = '0', s = '0'] = clock;
    return round(Number(d) * 86_400 + Number(h) * 3_600 + Number(m) * 60 + Number(s));
  }
  return undefined;
}

function round(seconds: number): number | undefined {
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) / 1000 : undefined;
}
