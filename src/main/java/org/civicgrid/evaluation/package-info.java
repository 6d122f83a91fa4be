/**
 * 综合评价 — evaluation: the one indicator table ({@link org.civicgrid.evaluation.Indicator}) computed from the case
 * history for any period and object (department, street, community, unit grid, post, county), scores and grades,
 * signed 加分/扣分 and 申诉 entries beside them, hash-chained frozen periods, 回访, the leader's key figures, the
 * /evaluation page, 日盘点/周分析/月通报 and the xlsx/CSV exports. The 大屏 and the portal's results read it too.
 */
package org.civicgrid.evaluation;
