/**
 * How much a message carries, from everything (0) to the bare minimum. Renderers start at 0 and
 * step down until the target's limit is met: the least valuable sections go first, and no text is
 * ever cut in the middle of a JSON string.
 */
export interface Detail {
  /** Causes listed (the first ones: confirmed first). */
  causes: number;
  /** Evidence lines per cause (ruled-out and undetermined causes lose theirs first). */
  evidence: number;
  evidenceOfRuledOut: boolean;
  /** PowerShell beside Azure CLI. */
  powershell: boolean;
  /** Commands of the first action. */
  commands: number;
  /** Items listed in a group message. */
  groupItems: number;
  /** Longest text of one line. */
  textLength: number;
}

export const DETAIL_LEVELS: readonly Detail[] = [
  { causes: 8, evidence: 2, evidenceOfRuledOut: true, powershell: true, commands: 4, groupItems: 25, textLength: 600 },
  { causes: 8, evidence: 1, evidenceOfRuledOut: false, powershell: true, commands: 4, groupItems: 20, textLength: 400 },
  {
    causes: 5,
    evidence: 1,
    evidenceOfRuledOut: false,
    powershell: false,
    commands: 3,
    groupItems: 15,
    textLength: 300,
  },
  {
    causes: 3,
    evidence: 1,
    evidenceOfRuledOut: false,
    powershell: false,
    commands: 2,
    groupItems: 10,
    textLength: 250,
  },
  { causes: 3, evidence: 0, evidenceOfRuledOut: false, powershell: false, commands: 1, groupItems: 5, textLength: 200 },
  { causes: 1, evidence: 0, evidenceOfRuledOut: false, powershell: false, commands: 1, groupItems: 3, textLength: 150 },
  { causes: 0, evidence: 0, evidenceOfRuledOut: false, powershell: false, commands: 0, groupItems: 0, textLength: 120 },
];

/** Renders with less and less detail until `fits` accepts the result. */
export function renderWithin<T>(render: (detail: Detail, shortened: boolean) => T, fits: (value: T) => boolean): T {
  let last: T | undefined;
  for (let i = 0; i < DETAIL_LEVELS.length; i += 1) {
    last = render(DETAIL_LEVELS[i]!, i > 0);
    if (fits(last)) return last;
  }
  return last!;
}
