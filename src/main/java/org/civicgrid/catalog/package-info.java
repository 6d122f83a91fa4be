/**
 * 部件/事件分类与立案标准 — the class catalog and the filing standards. Classes of city components (部件) and
 * incidents (事件) in both code systems, legacy 2+2 (CJ/T 214 / GB/T 30428.2, 运城 subset) and GB/T 47678.5-2026
 * 2+3, referenced everywhere as {@code kind:code} ({@code component:0101}, {@code incident:06010}); the
 * legacy → GB/T 47678.5 mapping; local extension classes numbered downward from 99 / 999; and the filing standards
 * (立案条件 → 处置时限 and 结案条件) with CSV import and export. Seeded on first start from the reference tables
 * shipped under {@code reference/} (transcriptions still to be checked against the published texts).
 * Entry points for other features: {@link org.civicgrid.catalog.CaseClasses} and
 * {@link org.civicgrid.catalog.FilingStandard#forClass(String)}.
 */
package org.civicgrid.catalog;
