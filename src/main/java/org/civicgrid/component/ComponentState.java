package org.civicgrid.component;

import java.util.Locale;

/** 部件状态 — the state of a city component: 完好, 破损, 丢失, 废弃, 移除. */
public enum ComponentState {
    /** 完好. */
    INTACT("完好"),
    /** 破损 — damaged, e.g. found on patrol. */
    DAMAGED("破损"),
    /** 丢失 — missing (a stolen manhole cover). */
    LOST("丢失"),
    /** 废弃 — out of use but still there. */
    ABANDONED("废弃"),
    /** 移除 — taken away; kept for the history of cases that refer to it. */
    REMOVED("移除");

    private final String label;

    ComponentState(String label) {
        this.label = label;
    }

    /** The Chinese term, as survey files write it. */
    public String label() {
        return label;
    }

    /** Reads {@code INTACT}/{@code intact} or the Chinese term {@code 完好}; null or blank is null; otherwise an exception. */
    static ComponentState parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        for (ComponentState state : values()) {
            if (state.name().equals(value.toUpperCase(Locale.ROOT)) || state.label.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("state '" + value + "' is not one of INTACT, DAMAGED, LOST, ABANDONED, REMOVED (完好, 破损, 丢失, 废弃, 移除)");
    }
}
