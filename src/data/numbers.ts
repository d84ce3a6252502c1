/**
 * The number rules of the site, in one module: numerals (Arabic, full-width, Chinese), units and measure words
 * with their dimensions, qualifiers, rates of change, the tense words of dated rows, and the scanner that finds quantities in report text.
 * The data check, the coverage check, the importer, formatting and the dataset schema all import from here.
 */
export * from './units.ts';
export * from './numbers/numerals.ts';
export * from './numbers/qualifiers.ts';
export * from './numbers/scan.ts';
export * from './numbers/quote.ts';
export * from './numbers/lost-digits.ts';
export * from './numbers/tense.ts';
