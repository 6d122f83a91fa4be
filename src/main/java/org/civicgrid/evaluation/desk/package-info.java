/**
 * 考核台 — the pages where people act on evaluation: the centre's 加分/扣分 and decisions on 申诉 beside the computed
 * score ({@code /evaluation/entries}), a department's 申诉 ({@code /evaluation/appeals}), freezing and verifying
 * periods ({@code /evaluation/snapshots}) and the desk's 回访 ({@code /callbacks}). Every rule stays in the evaluation
 * services ({@code Adjustments}, {@code Snapshots}, {@code CallBackDesk}); these pages only render and post.
 */
package org.civicgrid.evaluation.desk;
