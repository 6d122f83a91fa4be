/**
 * 考核报告 — 日盘点 / 周分析 / 月通报: one period beside the one before, from the evaluation table plus the report's own
 * series (trend, class breakdown, grid heat map, overdue list) drawn with ECharts and Leaflet, print-friendly (A4);
 * and the stored 月通报 ({@link org.civicgrid.evaluation.report.Bulletin}), generated once each month has closed.
 */
package org.civicgrid.evaluation.report;
