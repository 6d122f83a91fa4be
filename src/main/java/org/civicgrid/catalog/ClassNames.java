package org.civicgrid.catalog;

import io.quarkus.qute.TemplateExtension;
import java.util.HashMap;
import java.util.Map;
import org.civicgrid.appliance.MemoTable;

/**
 * 分类名称 — {@code {cls:name(ref)}} in templates: the class's name for a reference, the reference itself if unknown.
 * Names come from an in-memory table of all classes (active or not), read again after any class changes.
 */
@TemplateExtension(namespace = "cls")
public final class ClassNames {

    private static final MemoTable<Map<String, String>> NAMES = MemoTable.of(() -> {
        Map<String, String> names = new HashMap<>();
        CaseClass.<CaseClass>streamAll().forEach(c -> names.put(c.ref, c.name));
        return Map.copyOf(names);
    });

    private ClassNames() {
    }

    public static String name(String ref) {
        if (ref == null || ref.isBlank()) {
            return "";
        }
        return NAMES.get().getOrDefault(ref.trim(), ref);
    }
}
