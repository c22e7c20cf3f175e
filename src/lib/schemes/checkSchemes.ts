import type { AtlasConfig, Level } from '../../schemas/atlasConfig.ts';

/** Reports one problem on a config field (`levels[3].scheme`); the caller adds file and line. */
export type FieldProblem = (field: string, message: string, hint: string) => void;

/**
 * Checks the levels' hierarchy and boundary schemes, and the crosswalks' references (pure; the config stage adds
 * file and line):
 * - a level's parent is a level listed before it; a parent other than the level directly above starts a branch of
 *   another scheme, so that level must name a scheme other than the level above;
 * - a level's scheme exists and matches its parent's (a parent without a scheme belongs to every scheme);
 * - scheme ids are unique, `validUntil` is not before `validFrom`;
 * - a crosswalk names two known levels of two different schemes and a known source;
 * - an indicator's `parts` are other count indicators.
 */
export function checkSchemes(c: AtlasConfig, err: FieldProblem, warn: FieldProblem): void {
  const schemes = new Map<string, number>();
  c.schemes.forEach((s, i) => {
    if (schemes.has(s.id))
      err(`schemes[${i}].id`, `Gebietsstand "${s.id}" ist doppelt.`, 'Jeder Gebietsstand braucht eine eigene id.');
    schemes.set(s.id, i);
    if (i > 0 && s.validFrom === undefined)
      err(
        `schemes[${i}].validFrom`,
        `Gebietsstand "${s.id}" braucht validFrom.`,
        'Nur der älteste Gebietsstand (der erste der Liste) darf ohne Anfangsdatum stehen; die Seiten nennen es ("Seit 2021 gehört dieses Gebiet zu …").',
      );
    const before = c.schemes[i - 1];
    const prevEnd = before?.validUntil ?? before?.validFrom;
    if (prevEnd !== undefined && s.validFrom !== undefined && s.validFrom <= prevEnd)
      err(
        `schemes[${i}].validFrom`,
        `Gebietsstand "${s.id}" beginnt nicht nach "${before?.id ?? ''}" (${prevEnd}).`,
        'Gebietsstände in zeitlicher Reihenfolge angeben, den ältesten zuerst.',
      );
    if (s.validUntil !== undefined && s.validFrom !== undefined && s.validUntil < s.validFrom)
      err(
        `schemes[${i}].validUntil`,
        `validUntil (${s.validUntil}) liegt vor validFrom (${s.validFrom}).`,
        'Datumsangaben als JJJJ-MM-TT; validUntil ist der letzte Gültigkeitstag.',
      );
  });
  const known = [...schemes.keys()].join(', ') || '(keine: Block schemes fehlt)';
  const index = new Map(c.levels.map((l, i) => [l.id, i]));
  c.levels.forEach((l, i) => {
    if (l.scheme !== undefined && !schemes.has(l.scheme))
      err(
        `levels[${i}].scheme`,
        `Unbekannter Gebietsstand "${l.scheme}".`,
        `Einen Gebietsstand unter schemes definieren oder einen bekannten nennen: ${known}.`,
      );
    if (i === 0 || !l.parent) return;
    const p = index.get(l.parent.level);
    const above = c.levels[i - 1] as Level;
    if (p === undefined || p >= i) {
      err(
        `levels[${i}].parent.level`,
        p === undefined
          ? `Unbekannte Ebene "${l.parent.level}".`
          : `parent "${l.parent.level}" steht nicht über der Ebene "${l.id}".`,
        `Ebenen stehen von grob nach fein; hier "${above.id}" erwartet (oder eine Ebene darüber, für die Ebene eines anderen Gebietsstands).`,
      );
      return;
    }
    const parent = c.levels[p] as Level;
    if (p !== i - 1 && (l.scheme === undefined || l.scheme === above.scheme))
      err(
        `levels[${i}].parent.level`,
        `parent "${l.parent.level}" ist nicht die Ebene direkt darüber ("${above.id}").`,
        l.scheme === undefined
          ? `Ebenen stehen von grob nach fein. Eine Ebene, die neben "${above.id}" unter "${parent.id}" hängt, gehört zu einem anderen Gebietsstand: scheme angeben (siehe schemes).`
          : `"${l.id}" und "${above.id}" gehören zum selben Gebietsstand "${l.scheme}"; dann ist "${above.id}" die Ebene darüber.`,
      );
    if (parent.scheme !== undefined && parent.scheme !== l.scheme)
      err(
        `levels[${i}].scheme`,
        `Ebene "${l.id}" (Gebietsstand ${l.scheme ?? 'ohne Angabe'}) hängt unter "${parent.id}" (Gebietsstand ${parent.scheme}).`,
        'Eine Ebene gehört zum Gebietsstand ihrer übergeordneten Ebene; nur Ebenen ohne scheme gelten für alle Gebietsstände.',
      );
  });
  const used = new Set(c.levels.map((l) => l.scheme));
  c.schemes.forEach((s, i) => {
    if (!used.has(s.id))
      warn(
        `schemes[${i}].id`,
        `Gebietsstand "${s.id}" wird von keiner Ebene verwendet.`,
        'Bei den Ebenen dieses Gebietsstands scheme angeben oder den Eintrag entfernen.',
      );
  });
  const sources = new Set(c.sources.map((s) => s.id));
  c.crosswalks.forEach((x, i) => {
    for (const side of ['from', 'to'] as const) {
      const level = c.levels.find((l) => l.id === x[side].level);
      if (!level)
        err(
          `crosswalks[${i}].${side}.level`,
          `Unbekannte Ebene "${x[side].level}".`,
          `Bekannt: ${c.levels.map((l) => l.id).join(', ')}.`,
        );
      else if (level.scheme === undefined)
        err(
          `crosswalks[${i}].${side}.level`,
          `Ebene "${level.id}" hat keinen Gebietsstand (scheme).`,
          'Eine Zuordnungstabelle verbindet Ebenen zweier Gebietsstände; bei beiden Ebenen scheme angeben.',
        );
    }
    const a = c.levels.find((l) => l.id === x.from.level)?.scheme;
    const b = c.levels.find((l) => l.id === x.to.level)?.scheme;
    if (a !== undefined && a === b)
      err(
        `crosswalks[${i}].to.level`,
        `Beide Seiten gehören zum Gebietsstand "${a}".`,
        'from nennt eine Ebene des älteren, to eine des neueren Gebietsstands.',
      );
    if (!sources.has(x.source))
      err(`crosswalks[${i}].source`, `Unbekannte Quelle "${x.source}".`, `Bekannt: ${[...sources].join(', ')}.`);
  });
  const indicators = new Map(c.indicators.map((ind) => [ind.id, ind]));
  c.indicators.forEach((ind, i) => {
    (ind.parts ?? []).forEach((part, j) => {
      const target = indicators.get(part);
      if (!target || target.type !== 'count' || part === ind.id)
        err(
          `indicators[${i}].parts[${j}]`,
          !target
            ? `Unbekanntes Merkmal "${part}".`
            : part === ind.id
              ? 'Ein Merkmal ist nicht Teil seiner selbst.'
              : `"${part}" ist kein Zählmerkmal (type: ${target.type}).`,
          'parts nennt die Zählmerkmale (type: count), die zusammen genau dieses ergeben.',
        );
    });
  });
}
