/**
 * 案卷 — the standard case loop of CJJ/T 106 / GB/T 30428: the case file, the one transition table
 * ({@link org.civicgrid.cases.CaseWorkflow}), the immutable history, time limits and lights, duplicates,
 * attachments and the case API.
 */
package org.civicgrid.cases;
