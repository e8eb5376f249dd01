import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Just enough of Bicep to check our templates offline (the compiler is not available without the
 * network): declarations, module blocks, and object keys in a marked region.
 */
export const INFRA = fileURLToPath(new URL('../../infra/', import.meta.url));

export interface BicepFile {
  path: string;
  text: string;
}

export function bicepFiles(): BicepFile[] {
  const files = [
    'main.bicep',
    ...readdirSync(`${INFRA}app`)
      .filter((name) => name.endsWith('.bicep'))
      .map((name) => `app/${name}`),
  ];
  return files.map((path) => ({ path, text: readFileSync(`${INFRA}${path}`, 'utf8') }));
}

/** The text without comments (strings kept), so that rules read code only. */
export function code(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i += 1) {
        if (line[i] === "'" && line[i - 1] !== '\\') inString = !inString;
        if (!inString && line[i] === '/' && line[i + 1] === '/') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

export function resources(text: string): Array<{ symbol: string; type: string; existing: boolean }> {
  return [...code(text).matchAll(/^resource\s+(\w+)\s+'([^']+)'\s*(existing)?/gm)].map((m) => ({
    symbol: m[1]!,
    type: m[2]!,
    existing: m[3] !== undefined,
  }));
}

export function params(text: string): Array<{ name: string; type: string; hasDefault: boolean; secure: boolean }> {
  const lines = text.split('\n');
  const out: Array<{ name: string; type: string; hasDefault: boolean; secure: boolean }> = [];
  lines.forEach((line, index) => {
    const m = /^param\s+(\w+)\s+(\w+)(\s*=)?/.exec(line);
    if (m === null) return;
    let secure = false;
    for (let j = index - 1; j >= 0 && lines[j]!.startsWith('@'); j -= 1)
      if (lines[j]!.startsWith('@secure()')) secure = true;
    out.push({ name: m[1]!, type: m[2]!, hasDefault: m[3] !== undefined, secure });
  });
  return out;
}

export function outputs(text: string): Array<{ name: string; expression: string }> {
  return [...code(text).matchAll(/^output\s+(\w+)\s+\w+\s*=\s*(.+)$/gm)].map((m) => ({
    name: m[1]!,
    expression: m[2]!,
  }));
}

/** The `{ … }` starting at `open` (an index of '{'), strings and nesting respected. */
export function block(text: string, open: number): string {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (c === "'" && text[i - 1] !== '\\') inString = !inString;
    if (inString) continue;
    if (c === '{') depth += 1;
    if (c === '}') {
      depth -= 1;
      if (depth === 0) return text.slice(open, i + 1);
    }
  }
  throw new Error(`unbalanced braces from ${open}`);
}

/** Keys of the top level of an object literal `{ … }`. */
export function topLevelKeys(objectText: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let inString = false;
  const inner = objectText.slice(1, -1);
  let token = '';
  for (let i = 0; i < inner.length; i += 1) {
    const c = inner[i]!;
    if (c === "'" && inner[i - 1] !== '\\') inString = !inString;
    if (!inString && (c === '{' || c === '[' || c === '(')) depth += 1;
    if (!inString && (c === '}' || c === ']' || c === ')')) depth -= 1;
    if (depth === 0 && !inString && c === ':') {
      // An interpolated key ('NAME_${x}__suffix') is a family of names, not one: appSettingValues expands it.
      const key = token.includes('${') ? null : /'?([A-Za-z_$][\w$-]*)'?\s*$/.exec(token);
      if (key !== null && !/\?\s*[^?]*$/.test(token.replace(/'[^']*'/g, ''))) keys.push(key[1]!);
      token = '';
      continue;
    }
    if (depth === 0 && !inString && (c === '\n' || c === ',')) token = '';
    else if (depth === 0) token += c;
  }
  return keys;
}

export function modules(text: string): Array<{ symbol: string; path: string; params: string[] }> {
  const body = code(text);
  return [...body.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=/gm)].map((m) => {
    const start = m.index;
    const paramsAt = body.indexOf('params:', start);
    const nextModule = body.indexOf('\nmodule ', start + 1);
    const hasParams = paramsAt !== -1 && (nextModule === -1 || paramsAt < nextModule);
    return {
      symbol: m[1]!,
      path: m[2]!,
      params: hasParams ? topLevelKeys(block(body, body.indexOf('{', paramsAt))) : [],
    };
  });
}

/** Object keys set between `// app-settings:start` and `// app-settings:end`, at any depth. */
export function appSettingKeys(text: string): { all: string[]; unconditional: string[] } {
  const region = text.slice(text.indexOf('// app-settings:start'), text.indexOf('// app-settings:end'));
  const body = code(region);
  const all: string[] = [];
  const collect = (objectText: string) => {
    for (const key of topLevelKeys(objectText)) all.push(key);
    const inner = objectText.slice(1, -1);
    for (let i = 0; i < inner.length; i += 1) {
      if (inner[i] === '{') {
        const nested = block(inner, i);
        collect(nested);
        i += nested.length - 1;
      }
    }
  };
  for (const m of body.matchAll(/\{/g)) {
    const before = body.slice(0, m.index);
    const depth = (before.match(/\{/g)?.length ?? 0) - (before.match(/\}/g)?.length ?? 0);
    if (depth === 0) collect(block(body, m.index));
  }
  const coreAt = body.indexOf('var coreSettings = {');
  const unconditional = coreAt === -1 ? [] : topLevelKeys(block(body, body.indexOf('{', coreAt)));
  return { all: [...new Set(all)], unconditional };
}

/** `KEY: 'literal'` pairs in the app-settings region. */
export function literalSettings(text: string): Record<string, string> {
  const region = code(text.slice(text.indexOf('// app-settings:start'), text.indexOf('// app-settings:end')));
  return Object.fromEntries(
    [...region.matchAll(/([A-Za-z_]\w*):\s*'([^'$]*)'\s*(?:$|[,}])/gm)].map((m) => [m[1]!, m[2]!]),
  );
}

/**
 * The app settings infra/app/function.bicep sets, evaluated for the given parameter values: every `KEY: value`
 * of the app-settings region (a deployment with every option on), with literals, parameters, string
 * interpolation, Key Vault references (resolved to `secrets[name]`, as the platform does), `tenant().tenantId`
 * (the parameter `tenantId`) and the per-region connections built from the array parameter `extraEventHubs`
 * (JSON). An expression it cannot evaluate throws, so the helper follows the template or fails loudly.
 */
export function appSettingValues(
  text: string,
  params: Readonly<Record<string, string>>,
  secrets: Readonly<Record<string, string>>,
): Record<string, string> {
  let region = code(text.slice(text.indexOf('// app-settings:start'), text.indexOf('// app-settings:end')));
  const param = (name: string) => {
    if (!(name in params)) throw new Error(`appSettingValues: no value given for ${name}`);
    return params[name]!;
  };
  const items = (name: string) => JSON.parse(param(name)) as Array<Record<string, string>>;
  const evaluate = (expression: string, scope: Record<string, Record<string, string>> = {}): string => {
    const member = (path: string) => {
      const [root, key] = path.split('.');
      if (scope[root!] !== undefined && key !== undefined) return scope[root!]![key]!;
      if (path === 'tenant().tenantId') return param('tenantId');
      return param(path);
    };
    const literal = /^'((?:[^'\\]|\\.)*)'$/.exec(expression);
    if (literal !== null) return literal[1]!.replace(/\$\{([\w.()]+)\}/g, (_, path: string) => member(path));
    const reference = /^keyVaultReference\(\w+, '([\w-]+)'\)$/.exec(expression);
    if (reference !== null) {
      if (!(reference[1]! in secrets)) throw new Error(`appSettingValues: no secret given for ${reference[1]}`);
      return secrets[reference[1]!]!;
    }
    const joined = /^join\(map\((\w+), (\w+) => \2\.(\w+)\), '([^']*)'\)$/.exec(expression);
    if (joined !== null)
      return items(joined[1]!)
        .map((item) => item[joined[3]!])
        .join(joined[4]);
    if (/^(\w+(\.\w+)?|tenant\(\)\.tenantId)$/.test(expression)) return member(expression);
    throw new Error(`appSettingValues: cannot evaluate ${expression}`);
  };
  const pairs =
    /(?<![\w.'$])('?)([A-Za-z_][\w${}.]*)\1\s*:\s*('(?:[^'\\]|\\.)*'|[\w.]+(?:\((?:[^()\n]|\([^()\n]*\))*\))?(?:\.\w+)?)\s*(?=[,}\n])/g;
  const settings: Record<string, string> = {};
  // Objects built per item of an array: reduce(items, {}, (acc, item) => union(acc, { 'KEY_${item.x}': value })).
  region = region.replace(
    /reduce\((\w+), \{\}, \((\w+), (\w+)\) => union\(\2, \{([\s\S]*?)\}\)\)/g,
    (_, array: string, _acc: string, item: string, body: string) => {
      for (const value of items(array))
        for (const m of body.matchAll(pairs))
          settings[evaluate(`'${m[2]!}'`, { [item]: value })] = evaluate(m[3]!, { [item]: value });
      return '{}';
    },
  );
  for (const m of region.matchAll(pairs)) settings[m[2]!] = evaluate(m[3]!);
  return settings;
}
