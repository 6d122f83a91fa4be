/**
 * 案卷 — the standard case loop of CJJ/T 106 / GB/T 30428: the case file, the one transition table
 * ({@link org.civicgrid.cases.CaseWorkflow}) with its correction paths, the immutable history, time limits and lights
 * (24-hour duty stages), 督办单, bounded 延期, duplicates (重复上报), attachments and the case API.
 */
package org.civicgrid.cases;
