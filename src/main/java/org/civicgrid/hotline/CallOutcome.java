package org.civicgrid.hotline;

/** 来电结果 — what came of a call: a new case, merged into an open case, or information only (咨询, no case). */
public enum CallOutcome {
    CREATED, MERGED, INFO_ONLY
}
