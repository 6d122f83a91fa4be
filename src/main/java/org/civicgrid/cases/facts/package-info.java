/**
 * 考核事实 — one row per case summing up its history for evaluation (综合评价): {@link org.civicgrid.cases.facts.CaseFact},
 * kept in step with each history row by {@link org.civicgrid.cases.facts.CaseFacts}.
 */
package org.civicgrid.cases.facts;
