/**
 * 案卷列表与队列 — the case list's queries (filters, keyset pages, the bounded total, the FTS5 keyword index), the map's
 * case points and the work queues of each role's workbench, all read-only over {@code org.civicgrid.cases}.
 */
package org.civicgrid.cases.list;
