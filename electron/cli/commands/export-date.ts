/**
 * The date a command writes into a bundle's manifest: `SOURCE_DATE_EPOCH` (whole seconds, the
 * reproducible-builds convention) when set, else the date of the bundle it was read from (so
 * bundle → bundle gives the same bytes), else now. A module of its own so that the import's
 * reading worker, which dates the records it makes, does not load the bundle reader.
 */
export function exportDate(info: { exported?: string }): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  return info.exported ? new Date(info.exported) : new Date();
}
