package org.civicgrid.alert;

/** 告警处理结果 — what became of an alert. */
public enum AlertOutcome {
    /** 已立案/已上报: a new case was raised. */
    CREATED,
    /** 重复上报: an open case of the same class was near; the alert was attached to it and counted. */
    MERGED,
    /** 证据: a drone photo or a camera event attached to a case near it. */
    EVIDENCE,
    /** 待审核: waits in the acceptor's review queue (no position, unknown camera, no class). */
    REVIEW,
    /** 已忽略: no rule raises it (below confidence, off hours, device health, episode end) or an acceptor ignored it. */
    IGNORED,
    /** 已拒收: a bad payload; kept (bounded) with the reason. */
    REJECTED
}
