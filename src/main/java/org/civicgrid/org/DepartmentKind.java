package org.civicgrid.org;

/** 部门类型 — a professional department (专业部门, e.g. 环卫, 市政) or a street/town office (街道办/乡镇政府). */
public enum DepartmentKind {
    PROFESSIONAL,
    STREET_OFFICE
}
