package org.civicgrid.evaluation;

import java.util.Arrays;
import java.util.Optional;

/**
 * 考核对象 — what evaluation ranks: 专业部门 (department), 街道 (street), 社区 (community), 单元网格 (grid), 岗位 (post:
 * each inspector, acceptor, shift lead, dispatcher) and the county as a whole. Each names the HQL expression that
 * gives an event's object (on history row {@code t} of case {@code c}) and a due case's object (the department of its
 * last 派遣 before the period's end, row {@code dt}).
 */
public enum EvaluationObject {
    DEPARTMENT("department", "t.departmentId", "dt.departmentId"),
    STREET("street", "c.streetCode", "c.streetCode"),
    COMMUNITY("community", "c.communityCode", "c.communityCode"),
    GRID("grid", "c.gridCode", "c.gridCode"),
    POST("post", "t.actorId", null),
    COUNTY("county", "c.siteId", "c.siteId");

    private final String apiName;
    private final String eventKey;
    private final String dueKey;

    EvaluationObject(String apiName, String eventKey, String dueKey) {
        this.apiName = apiName;
        this.eventKey = eventKey;
        this.dueKey = dueKey;
    }

    public String apiName() {
        return apiName;
    }

    String eventKey() {
        return eventKey;
    }

    /** Null for posts: a due case is its department's, not a person's. */
    String dueKey() {
        return dueKey;
    }

    public static Optional<EvaluationObject> of(String name) {
        return Arrays.stream(values()).filter(o -> o.apiName.equalsIgnoreCase(name == null ? "" : name.trim())).findFirst();
    }
}
