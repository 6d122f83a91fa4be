package org.civicgrid.cases;

/** 案件来源 — where a report came from (DOMAIN.md §2); kept on the case for evaluation and routing. */
public enum CaseSource {
    /** 监督员巡查上报 */
    INSPECTOR,
    /** 公众举报 (portal, Open311, 随手拍) */
    PUBLIC,
    /** 12319/12345 热线 */
    HOTLINE,
    /** 上级交办 */
    SUPERIOR,
    /** 领导交办 */
    LEADER,
    /** 媒体曝光 */
    MEDIA,
    /** 视频发现 (camera alerts) */
    CAMERA,
    /** 无人机巡查 */
    DRONE
}
