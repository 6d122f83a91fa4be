package org.civicgrid.component;

/**
 * 部件导入行 — one feature or CSV row as read, not yet checked: texts as given, the position in the file's coordinate
 * system, and {@code unreadable} saying why the row could not even be read (then the rest may be null).
 */
record ComponentRow(int index, String id, String name, String classText, String state, Double lat, Double lon,
        String ownerDepartment, String propertyDepartment, String maintainerDepartment, String installedOn, String surveyedOn,
        String dataSource, String accuracyClass, String address, String note, String unreadable) {

    static ComponentRow unreadable(int index, String id, String reason) {
        return new ComponentRow(index, id, null, null, null, null, null, null, null, null, null, null, null, null, null, null, reason);
    }
}
