package org.civicgrid.cases;

/** 亮灯 — how much of the current stage's time limit is used: green < 80 %, yellow 80–100 %, red past the deadline. */
public enum Light {
    GREEN, YELLOW, RED,
    /** No clock runs (挂账, closed, discarded). */
    NONE
}
