package org.civicgrid.component;

/** 部件变更 — CDI event fired when components are stored or change state, so the {@link ComponentIndex} is rebuilt. */
record ComponentsChanged(String what) {
}
