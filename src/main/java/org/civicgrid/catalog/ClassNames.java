package org.civicgrid.catalog;

import io.quarkus.qute.TemplateExtension;

/** 分类名称 — {@code {cls:name(ref)}} in templates: the class's name for a reference, the reference itself if unknown. */
@TemplateExtension(namespace = "cls")
public final class ClassNames {

    private ClassNames() {
    }

    static String name(String ref) {
        if (ref == null || ref.isBlank()) {
            return "";
        }
        return CaseClasses.find(ref).map(c -> c.name).orElse(ref);
    }
}
