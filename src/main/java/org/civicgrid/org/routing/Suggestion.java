package org.civicgrid.org.routing;

import java.util.List;

/** 派遣建议 — a department the dispatcher may choose, with its score (higher first) and why it is suggested. */
public record Suggestion(long departmentId, String code, String name, int score, List<String> reasons) {
}
